'use client';

/**
 * "Print this page": opens the browser's print dialogue. A client component because printing
 * needs a click handler, and the Content Security Policy allows no inline script. Hidden when
 * printed (app/globals.scss hides every .govuk-button in print).
 */
export function PrintButton({ text = 'Print this page' }: { text?: string }) {
  return (
    <button type="button" className="govuk-button govuk-button--secondary app-no-print" data-module="govuk-button" onClick={() => window.print()}>
      {text}
    </button>
  );
}
