import { Table } from '@/components/ui/table';
import type { DashboardTable, TableCell } from '@/lib/domain/dashboard-tables';

function figure(cell: TableCell) {
  if (cell === null || cell === '') {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="govuk-visually-hidden">no figure</span>
      </>
    );
  }
  return typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell;
}

/**
 * One of the dashboard's tables (lib/domain/dashboard-tables.ts) as a GOV.UK table with its
 * method: the same rows and headers as its CSV and XLSX downloads, for the print view. The total
 * row is the last, in bold.
 */
export function FigureTable({ table, headingLevel = 2 }: { table: DashboardTable & { numericColumns?: boolean }; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `table-${table.key}`;
  return (
    <section className="app-print-section">
      <Heading className="govuk-heading-m" id={headingId}>
        {table.title}
      </Heading>
      <p className="govuk-body-s">Method: {table.method}</p>
      <div className="app-print-table" role="region" aria-labelledby={headingId} tabIndex={0}>
        <Table
          caption={<span className="govuk-visually-hidden">{table.title}</span>}
          captionSize="s"
          head={table.header.map((text, index) => ({ text, isNumeric: index > 0 && table.numericColumns !== false }))}
          firstCellIsHeader
          rows={table.rows.map((row, index) => ({
            key: `${index}`,
            cells: row.map((cell, c) => ({
              content: figure(cell),
              isNumeric: c > 0 && table.numericColumns !== false,
              className: table.hasTotalRow && index === table.rows.length - 1 ? 'app-print-table__total' : undefined,
            })),
          }))}
          emptyText="No figures."
        />
      </div>
    </section>
  );
}
