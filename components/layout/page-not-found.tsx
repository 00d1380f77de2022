import Link from 'next/link';

/**
 * GOV.UK's "Page not found" content. Also what someone sees for a record they may not see: it
 * says nothing about whether such a record exists.
 */
export function PageNotFound() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          If you followed a link, the page may have moved, or you may not have access to it. Go to the{' '}
          <Link className="govuk-link" href="/">
            Quadrant home page
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
