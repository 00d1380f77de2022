'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from './nav-item';

function isUnder(pathname: string, href: string): boolean {
  const path = href.split(/[?#]/)[0] ?? href;
  return pathname === path || (path !== '/' && pathname.startsWith(`${path}/`));
}

/**
 * GOV.UK service navigation (https://design-system.service.gov.uk/components/service-navigation/).
 * The service name is in the header above, so this holds the links only. GOV.UK Frontend's
 * JavaScript turns the list into a "Menu" toggle on small screens.
 */
export function ServiceNavigation({ items, label = 'Menu' }: { items: NavItem[]; label?: string }) {
  const pathname = usePathname();
  if (items.length === 0) return null;
  const collapseOnMobile = items.length > 1;

  return (
    <div className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label={label} className="govuk-service-navigation__wrapper">
            {collapseOnMobile ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls="navigation"
                hidden
                aria-hidden="true"
              >
                Menu
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const active = item.active ?? isUnder(pathname, item.href);
                const current = active && pathname === item.href.split(/[?#]/)[0];
                return (
                  <li
                    key={item.href}
                    className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      href={item.href}
                      aria-current={active ? (current ? 'page' : 'true') : undefined}
                    >
                      {active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
