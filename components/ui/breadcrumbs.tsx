import Link from 'next/link';

export type BreadcrumbItem = { href: string; text: string };

/**
 * GOV.UK breadcrumbs (https://design-system.service.gov.uk/components/breadcrumbs/): the pages
 * above this one, each a link. The current page is not listed.
 */
export function Breadcrumbs({ items, collapseOnMobile = false }: { items: BreadcrumbItem[]; collapseOnMobile?: boolean }) {
  if (items.length === 0) return null;
  return (
    <nav
      className={`govuk-breadcrumbs${collapseOnMobile ? ' govuk-breadcrumbs--collapse-on-mobile' : ''}`}
      aria-label="Breadcrumb"
    >
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li className="govuk-breadcrumbs__list-item" key={item.href}>
            <Link className="govuk-breadcrumbs__link" href={item.href}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
