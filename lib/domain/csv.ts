/**
 * CSV for exports (RFC 4180), safe to open in a spreadsheet: a cell a spreadsheet would run as a
 * formula gets a leading single quote (OWASP, CSV injection), and every file carries the
 * OFFICIAL-SENSITIVE marking on its first and last lines. Pure: no I/O.
 */

export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

/** Characters that make a spreadsheet treat a cell as a formula when they start it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return)
 * gets a leading single quote, so it shows as typed (OWASP, CSV injection). The one rule for every
 * export: CSV cells here, XLSX string cells in xlsx.ts.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: formula prefixes neutralised, then quoted if it holds a quote, comma or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: cells joined by commas, ending CRLF. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole file: the marking, the rows (the first is usually the header), the marking again. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [csvLine([PROTECTIVE_MARKING]), ...rows.map(csvLine), csvLine([PROTECTIVE_MARKING])].join('');
}
