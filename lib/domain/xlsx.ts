/**
 * XLSX (Office Open XML SpreadsheetML) for exports: the smallest valid workbook, zipped with
 * fflate (docs/adr/0006-xlsx-exports.md). Every sheet carries the OFFICIAL-SENSITIVE marking as
 * its first and last row and in the printed page header and footer; text is written as inline
 * strings, never as formulas, and text a spreadsheet would run as a formula gets the same leading
 * quote as in CSV (neutraliseFormula). Pure: no I/O, no clock.
 */
import { strToU8, zipSync } from 'fflate';
import { neutraliseFormula, PROTECTIVE_MARKING } from './csv';

export type XlsxCell = string | number | null | undefined | Date;

export type XlsxSheet = {
  name: string;
  rows: readonly (readonly XlsxCell[])[];
  /** Indexes into `rows` (0 = the first row after the marking) to set in bold, e.g. the header. */
  boldRows?: readonly number[];
};

export type XlsxOptions = {
  /** The marking written first and last on every sheet and in the page header and footer. */
  marking?: string;
};

/** The most characters a cell may hold (Excel's limit); longer text is cut. */
export const XLSX_MAX_CELL_TEXT = 32_767;
const SHEET_NAME_MAX = 31;

// Style indexes in styles.xml's cellXfs.
const STYLE_BOLD = 1;
const STYLE_DATE = 2;
const STYLE_DATE_TIME = 3;
const STYLE_BOLD_DATE = 4;

// Characters XML 1.0 does not allow (controls other than tab, LF and CR; U+FFFE, U+FFFF), and
// UTF-16 surrogates that do not form a pair.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe to place in XML content or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A1-style column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Sheet names as Excel accepts them: none of [ ] : * ? / \, not starting or ending with an
 * apostrophe, not "History" (reserved), 1 to 31 characters, unique ignoring case (a repeat gets
 * " (2)", " (3)", ...).
 */
export function sanitiseSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    let base = raw
      .replace(XML_ILLEGAL, '')
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, SHEET_NAME_MAX)
      .trim();
    if (!base) base = 'Sheet';
    if (base.toLowerCase() === 'history') base = 'History sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A date as a spreadsheet serial number (days since 30 December 1899) in London wall-clock time,
 * which is what a reader in the UK expects to see; `hasTime` is false at London midnight.
 */
export function excelSerial(date: Date): { serial: number; hasTime: boolean } {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  const [y, m, d, h, min, s] = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number) as [number, number, number, number, number, number];
  const wallClock = Date.UTC(y, m - 1, d, h, min, s);
  return { serial: wallClock / 86_400_000 + 25_569, hasTime: h !== 0 || min !== 0 || s !== 0 };
}

function cellXml(ref: string, value: XlsxCell, bold: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return `<c r="${ref}"${bold ? ` s="${STYLE_BOLD}"` : ''}><v>${value}</v></c>`;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const { serial, hasTime } = excelSerial(value);
    const style = hasTime ? STYLE_DATE_TIME : bold ? STYLE_BOLD_DATE : STYLE_DATE;
    return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`;
  }
  if (value === '') return '';
  const text = neutraliseFormula(value).slice(0, XLSX_MAX_CELL_TEXT);
  return `<c r="${ref}" t="inlineStr"${bold ? ` s="${STYLE_BOLD}"` : ''}><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
}

function displayLength(value: XlsxCell): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  return Math.max(...String(value).split(/\r?\n/).map((line) => line.length));
}

function worksheetXml(sheet: XlsxSheet, marking: string): string {
  const bold = new Set(sheet.boldRows ?? []);
  // The marking above and below the rows, in bold; bold indexes shift by one.
  const rows: { cells: readonly XlsxCell[]; bold: boolean }[] = [
    { cells: [marking], bold: true },
    ...sheet.rows.map((cells, i) => ({ cells, bold: bold.has(i) })),
    { cells: [marking], bold: true },
  ];
  const columnCount = Math.max(1, ...rows.map((r) => r.cells.length));
  // Columns wide enough for their text (within reason), skipping the marking rows.
  const widths = Array.from({ length: columnCount }, (_, c) => Math.min(60, Math.max(10, ...sheet.rows.map((r) => displayLength(r[c]) + 2))));
  const rowXml = rows
    .map((row, r) => {
      const cells = row.cells.map((value, c) => cellXml(`${columnLetters(c)}${r + 1}`, value, row.bold)).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const headerText = xmlEscape(`&C&"-,Bold"${marking}`);
  const footerText = xmlEscape(`&C&"-,Bold"${marking}&RPage &P of &N`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${columnLetters(columnCount - 1)}${rows.length}"/>` +
    `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rowXml}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<headerFooter><oddHeader>${headerText}</oddHeader><oddFooter>${footerText}</oddFooter></headerFooter>` +
    '</worksheet>'
  );
}

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="11"/><name val="Arial"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * A workbook of the given sheets, each marked first and last (and on every printed page). Cells:
 * strings as inline text (formula-looking text quoted), numbers as numbers, dates as dates
 * (dd/mm/yyyy, London time), null or '' as an empty cell. Never a formula.
 */
export function toXlsx(sheets: readonly XlsxSheet[], opts: XlsxOptions = {}): Uint8Array {
  const marking = opts.marking ?? PROTECTIVE_MARKING;
  const list = sheets.length ? sheets : [{ name: 'Sheet', rows: [] }];
  const names = sanitiseSheetNames(list.map((s) => s.name));
  const xml = (text: string) => strToU8(text);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': xml(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        list.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': xml(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': xml(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<bookViews><workbookView/></bookViews>' +
        `<sheets>${names.map((name, i) => `<sheet name="${xmlEscape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
        '</workbook>',
    ),
    'xl/_rels/workbook.xml.rels': xml(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        list.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${list.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': xml(STYLES_XML),
  };
  list.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = xml(worksheetXml(sheet, marking));
  });
  // A fixed modification time, so the same workbook gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
