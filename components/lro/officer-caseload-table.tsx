import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import type { CaseloadThresholds } from '@/lib/domain/lro';
import type { OfficerChoice } from '@/lib/services/assignments';

const roleText = { LRO: 'Current LRO', DEPUTY: 'Current deputy' } as const;

/** The officers a manager may choose from, with the caseload and training they carry today. */
export function OfficerCaseloadTable({ officers, thresholds, treeName }: { officers: OfficerChoice[]; thresholds: CaseloadThresholds; treeName: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">Caseload and LRO training</h2>
      <p className="govuk-body">
        Officers with the LRO role in {treeName} and below. For this threat&rsquo;s organisation, holding {thresholds.lroCaseloadWarning} or more active threats as LRO
        is a warning and {thresholds.lroCaseloadAlert} or more an alert.
      </p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Caseload and LRO training table">
        <Table
          caption={`Officers who can be LRO or deputy (${officers.length})`}
          captionSize="s"
          firstCellIsHeader
          head={[{ text: 'Officer' }, { text: 'Organisation' }, { text: 'Active threats as LRO', isNumeric: true }, { text: 'LRO training' }]}
          emptyText="No officer holds the LRO role here."
          rows={officers.map((officer) => ({
            key: officer.id,
            cells: [
              <>
                {officer.name}
                {officer.rank ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{officer.rank}</span> : null}
                {officer.currentRole ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{roleText[officer.currentRole]}</span> : null}
              </>,
              officer.organisationName,
              {
                isNumeric: true,
                content:
                  officer.caseloadLevel === 'none' ? (
                    officer.activeThreatsAsLro
                  ) : (
                    <>
                      {officer.activeThreatsAsLro} <Tag colour={officer.caseloadLevel === 'alert' ? 'red' : 'orange'}>{officer.caseloadLevel === 'alert' ? 'Alert' : 'Warning'}</Tag>
                    </>
                  ),
              },
              officer.trainingStatus === 'TRAINED' ? officer.trainingText : <Tag colour={officer.trainingStatus === 'NONE' ? 'red' : 'orange'}>{officer.trainingText}</Tag>,
            ],
          }))}
        />
      </div>
    </>
  );
}
