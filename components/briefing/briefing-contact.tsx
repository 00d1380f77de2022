export type BriefingContactProps = {
  role: string;
  officer: { name: string; rank: string | null; organisationName: string; email: string } | null;
  emptyText: string;
};

/** One contact on the frontline briefing: the role, then who, where from and their e-mail, large enough to read on a phone. */
export function BriefingContact({ role, officer, emptyText }: BriefingContactProps) {
  return (
    <div className="app-briefing__item">
      <h3 className="govuk-heading-m govuk-!-margin-bottom-2">{role}</h3>
      {officer ? (
        <p className="govuk-body-l">
          {[officer.rank, officer.name].filter(Boolean).join(' ')}
          <br />
          {officer.organisationName}
          <br />
          <a className="govuk-link" href={`mailto:${officer.email}`}>
            {officer.email}
          </a>
        </p>
      ) : (
        <p className="govuk-body-l">{emptyText}</p>
      )}
    </div>
  );
}
