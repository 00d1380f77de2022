'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';
import type { GovukComponentClass } from 'govuk-frontend';

type Frontend = { components: GovukComponentClass[] };

let frontend: Promise<Frontend> | null = null;

/** Loads GOV.UK Frontend's and MoJ Frontend's component classes once, in the browser only. */
function loadFrontend(): Promise<Frontend> {
  frontend ??= Promise.all([import('govuk-frontend'), import('@ministryofjustice/frontend')]).then(
    ([govuk, moj]) => ({
      components: [
        govuk.Accordion,
        govuk.Button,
        govuk.CharacterCount,
        govuk.Checkboxes,
        govuk.ErrorSummary,
        govuk.ExitThisPage,
        govuk.FileUpload,
        govuk.NotificationBanner,
        govuk.PasswordInput,
        govuk.Radios,
        govuk.ServiceNavigation,
        govuk.SkipLink,
        govuk.Tabs,
        moj.AddAnother,
        moj.Alert,
        moj.ButtonMenu,
        moj.DatePicker,
        moj.MultiSelect,
        moj.PasswordReveal,
        moj.RichTextEditor,
        moj.SearchToggle,
        moj.SortableTable,
      ],
    }),
  );
  return frontend;
}

/**
 * Starts every `[data-module]` component not started yet. A started element carries
 * `data-<module>-init` (GOV.UK Frontend sets it and throws if asked to start it twice), so this
 * is safe to call again and again: StrictMode's double effects, client navigation, new content.
 */
function initialiseNewComponents({ components }: Frontend): void {
  for (const Component of components) {
    const name = Component.moduleName;
    const roots = document.querySelectorAll(`[data-module="${name}"]:not([data-${name}-init])`);
    for (const root of roots) {
      try {
        new Component(root);
      } catch (error) {
        console.error(`Could not start ${name}`, error);
      }
    }
  }
}

/**
 * Turns on GOV.UK Frontend's and MoJ Frontend's JavaScript: marks <body> as supported (their
 * CSS and JS check for the class) and starts the components on the page, and those that appear
 * later: React renders new content after client navigation or when a form changes, which a
 * MutationObserver catches. Renders nothing.
 */
export function FrontendInitialiser() {
  const pathname = usePathname();

  useEffect(() => {
    document.body.classList.add('js-enabled', 'govuk-frontend-supported');
  }, []);

  useEffect(() => {
    let cancelled = false;
    let scheduled = 0;
    const run = () => {
      scheduled = 0;
      loadFrontend()
        .then((loaded) => {
          if (!cancelled) initialiseNewComponents(loaded);
        })
        .catch((error: unknown) => {
          frontend = null; // try again next time, e.g. after a flaky network
          console.error('Could not load GOV.UK Frontend', error);
        });
    };
    run();
    const observer = new MutationObserver(() => {
      scheduled ||= window.requestAnimationFrame(run);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      cancelled = true;
      observer.disconnect();
      if (scheduled) window.cancelAnimationFrame(scheduled);
    };
  }, [pathname]);

  return null;
}
