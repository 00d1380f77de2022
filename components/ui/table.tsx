import Link from 'next/link';
import { isValidElement, type ReactNode } from 'react';
import { classNames } from './class-names';

export type SortDirection = 'ascending' | 'descending' | 'none';

export type TableHeadCell = {
  text: ReactNode;
  isNumeric?: boolean;
  /** A server-sorted column: the header is a link to the list sorted by it; `direction` is its state now. */
  sort?: { href: string; direction: SortDirection };
  className?: string;
};

export type TableCellObject = {
  content: ReactNode;
  isNumeric?: boolean;
  /** Render as a row header (<th scope="row">). */
  isHeader?: boolean;
  colSpan?: number;
  className?: string;
};

export type TableCell = ReactNode | TableCellObject;
export type TableRow = TableCell[] | { key: string; cells: TableCell[] };

export type TableProps = {
  /** Every table has a caption: it names the table for screen reader users. */
  caption: ReactNode;
  captionSize?: 's' | 'm' | 'l' | 'xl';
  head: TableHeadCell[];
  rows: TableRow[];
  /** Make the first cell of each row its header (<th scope="row">). */
  firstCellIsHeader?: boolean;
  /** Shown in a single row when there are no rows. */
  emptyText?: ReactNode;
  className?: string;
};

function isCellObject(cell: TableCell): cell is TableCellObject {
  return typeof cell === 'object' && cell !== null && !isValidElement(cell) && 'content' in cell;
}

/**
 * GOV.UK table (https://design-system.service.gov.uk/components/table/). Sorting and paging
 * happen in the database: a sortable column header is a link, and `aria-sort` on the <th> says
 * how the list is sorted now. Sort links are not prefetched (each would be a database query).
 */
export function Table({ caption, captionSize = 'm', head, rows, firstCellIsHeader = false, emptyText, className }: TableProps) {
  return (
    <table className={classNames('govuk-table', className)}>
      <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((cell, index) => (
            <th
              key={index}
              scope="col"
              className={classNames('govuk-table__header', cell.isNumeric && 'govuk-table__header--numeric', cell.className)}
              aria-sort={cell.sort?.direction}
            >
              {cell.sort ? (
                <Link className="app-table__sort-link" href={cell.sort.href} prefetch={false}>
                  {cell.text}
                </Link>
              ) : (
                cell.text
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.length === 0 && emptyText ? (
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" colSpan={head.length}>
              {emptyText}
            </td>
          </tr>
        ) : null}
        {rows.map((row, rowIndex) => {
          const cells = Array.isArray(row) ? row : row.cells;
          const key = Array.isArray(row) ? rowIndex : row.key;
          return (
            <tr className="govuk-table__row" key={key}>
              {cells.map((cell, cellIndex) => {
                const object = isCellObject(cell) ? cell : { content: cell };
                const isHeader = object.isHeader ?? (firstCellIsHeader && cellIndex === 0);
                const Cell = isHeader ? 'th' : 'td';
                return (
                  <Cell
                    key={cellIndex}
                    scope={isHeader ? 'row' : undefined}
                    colSpan={object.colSpan}
                    className={classNames(
                      isHeader ? 'govuk-table__header' : 'govuk-table__cell',
                      object.isNumeric && (isHeader ? 'govuk-table__header--numeric' : 'govuk-table__cell--numeric'),
                      object.className,
                    )}
                  >
                    {object.content}
                  </Cell>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
