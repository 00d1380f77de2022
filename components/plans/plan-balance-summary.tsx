import { Table } from '@/components/ui/table';
import { WarningText } from '@/components/ui/warning-text';
import { STRAND_LABELS } from '@/lib/domain/vocabulary';
import type { PlanBalance } from '@/lib/domain/plan-balance';

const BAR_WIDTH = 160;
const BAR_HEIGHT = 16;

/** A bar for one strand's share. Decorative: the numbers beside it say the same to everyone. */
function Bar({ percent }: { percent: number }) {
  // SVG attributes, not inline styles: the Content Security Policy allows no inline styles.
  return (
    <svg className="app-plan-balance__bar" width={BAR_WIDTH} height={BAR_HEIGHT} viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} aria-hidden="true" focusable="false">
      <rect x="0" y="0" width={BAR_WIDTH} height={BAR_HEIGHT} fill="#f3f2f1" stroke="#505a5f" strokeWidth="1" />
      <rect x="0" y="0" width={(BAR_WIDTH * percent) / 100} height={BAR_HEIGHT} fill="#1d70b8" />
    </svg>
  );
}

/** The plan's 4P balance: open actions per strand, with a warning where it leans on Pursue. */
export function PlanBalanceSummary({ balance, pursueOnlyPercent }: { balance: PlanBalance; pursueOnlyPercent: number }) {
  return (
    <section aria-labelledby="plan-balance-heading" className="app-plan-balance">
      <h2 className="govuk-heading-m" id="plan-balance-heading">
        4P balance
      </h2>
      {balance.isPursueOnly ? (
        <WarningText>
          The plan concentrates on Pursue: it needs open Prevent or Protect actions, and no more than {pursueOnlyPercent}% of open actions should be Pursue.
        </WarningText>
      ) : null}
      {balance.hasNoPrepare ? <WarningText>The plan has no open Prepare action.</WarningText> : null}
      <Table
        caption="Open actions by strand"
        captionSize="s"
        firstCellIsHeader
        head={[{ text: 'Strand' }, { text: 'Open actions', isNumeric: true }, { text: 'Share of open actions' }]}
        rows={[
          ...balance.strands.map((s) => ({
            key: s.strand,
            cells: [
              STRAND_LABELS[s.strand],
              { content: s.open, isNumeric: true },
              <span key="share" className="app-plan-balance__share">
                <Bar percent={s.percent} /> {s.percent}%
              </span>,
            ],
          })),
          { key: 'total', cells: ['All strands', { content: balance.totalOpen, isNumeric: true }, balance.totalOpen ? '100%' : ''] },
        ]}
      />
    </section>
  );
}
