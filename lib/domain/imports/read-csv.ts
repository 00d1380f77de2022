import { parse } from 'csv-parse/sync';
import { PROTECTIVE_MARKING } from '@/lib/domain/csv';
import { MAX_IMPORT_ROWS } from './types';
import { normaliseWord, restoreFormulaText } from './values';

/**
 * Reading an import file (RFC 4180 CSV, UTF-8) into rows keyed by column, before any value is
 * checked: a byte-order mark, CRLF or LF line ends and quoted fields (with commas, quotes and line
 * breaks inside) are all read as a spreadsheet would write them. A first or last line that is
 * only the OFFICIAL-SENSITIVE marking (our own exports carry it, lib/domain/csv.ts) is skipped, and
 * so are blank rows. Headers match their column case-insensitively, spaces around them ignored.
 * Anything that makes the file as a whole unusable (no header, an unknown or missing column, too
 * many rows) is a file problem; what is wrong with one cell is for the row validators. Columns
 * named in `ignored` (what our own exports add for the reader) are accepted and skipped. A cell
 * that our exports neutralised ("'=…": a single quote before = + - @, a tab or a carriage return)
 * is read without that quote, so an export comes back as it went out. Pure.
 */

export type ColumnSpec<K extends string = string> = {
  key: K;
  /** The header as documented, e.g. "Organisation code". */
  header: string;
  required: boolean;
};

export type CsvRow<K extends string = string> = {
  /** The row number a spreadsheet shows: the file's first record is row 1. */
  row: number;
  values: Record<K, string>;
  /** Set when the row has more (non-blank) cells than the header: usually a value with an unquoted comma. */
  extraCells?: number;
};

export type ReadCsvResult<K extends string> = { ok: true; rows: CsvRow<K>[] } | { ok: false; message: string };

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

/** A record that holds nothing but the protective marking. */
export function isMarkingRecord(record: readonly string[]): boolean {
  const cells = record.map((cell) => cell.trim()).filter(Boolean);
  return cells.length === 1 && cells[0]!.toUpperCase() === PROTECTIVE_MARKING;
}

function csvProblem(error: unknown): string {
  const detail = error instanceof Error ? error.message.replace(/^Invalid Record Length:.*$/, 'a row has the wrong number of cells') : String(error);
  return `The file could not be read as CSV: ${detail}. Save it from your spreadsheet as "CSV UTF-8 (comma delimited)" and try again.`;
}

export type ReadCsvOptions = {
  maxRows?: number;
  /** Headers accepted and skipped (matched as columns are): the extra columns of our own exports. */
  ignored?: readonly string[];
};

export function readCsv<K extends string>(text: string, columns: readonly ColumnSpec<K>[], { maxRows = MAX_IMPORT_ROWS, ignored = [] }: ReadCsvOptions = {}): ReadCsvResult<K> {
  let records: string[][];
  try {
    // Every record is kept (blank lines too), so that its index is the row a spreadsheet shows.
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    return { ok: false, message: csvProblem(error) };
  }

  // Row numbers (1-based) of the records that hold data: not blank, not a leading or trailing marking.
  const numbered = records.map((cells, index) => ({ row: index + 1, cells })).filter(({ cells }) => !isBlank(cells));
  if (numbered.length > 0 && isMarkingRecord(numbered[0]!.cells)) numbered.shift();
  if (numbered.length > 0 && isMarkingRecord(numbered[numbered.length - 1]!.cells)) numbered.pop();

  const header = numbered.shift();
  if (!header) return { ok: false, message: 'The file is empty: it needs a header row and at least one row of data.' };

  const byHeader = new Map(columns.map((column) => [normaliseWord(column.header), column]));
  const skipped = new Set(ignored.map(normaliseWord));
  const positions = new Map<K, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  header.cells.forEach((cell, index) => {
    const name = normaliseWord(cell);
    if (!name) return;
    const column = byHeader.get(name);
    if (!column && skipped.has(name)) return;
    if (!column) unknown.push(cell.trim());
    else if (positions.has(column.key)) repeated.push(column.header);
    else positions.set(column.key, index);
  });
  const expected = columns.map((c) => c.header).join(', ');
  if (unknown.length > 0) {
    const list = unknown.map((name) => `"${name}"`).join(', ');
    return { ok: false, message: `Row ${header.row}: the column${unknown.length > 1 ? 's' : ''} ${list} ${unknown.length > 1 ? 'are' : 'is'} not recognised. The columns are: ${expected}.` };
  }
  if (repeated.length > 0) return { ok: false, message: `Row ${header.row}: the column "${repeated[0]}" appears more than once.` };
  const missing = columns.filter((c) => c.required && !positions.has(c.key)).map((c) => `"${c.header}"`);
  if (missing.length > 0) {
    return { ok: false, message: `Row ${header.row}: the header row is missing the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. The columns are: ${expected}.` };
  }

  if (numbered.length === 0) return { ok: false, message: 'The file has a header row but no rows of data.' };
  if (numbered.length > maxRows) {
    return { ok: false, message: `The file has ${numbered.length.toLocaleString('en-GB')} rows of data. Import at most ${maxRows.toLocaleString('en-GB')} rows at a time: split the file and import each part.` };
  }

  const rows = numbered.map(({ row, cells }) => {
    const values = {} as Record<K, string>;
    for (const column of columns) {
      const at = positions.get(column.key);
      values[column.key] = at === undefined ? '' : restoreFormulaText(cells[at] ?? '');
    }
    const extra = cells.slice(header.cells.length).filter((cell) => cell.trim() !== '').length;
    return extra > 0 ? { row, values, extraCells: extra } : { row, values };
  });
  return { ok: true, rows };
}
