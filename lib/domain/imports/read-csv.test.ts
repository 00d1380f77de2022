import { describe, expect, it } from 'vitest';
import { readCsv, isMarkingRecord } from './read-csv';
import { normaliseWord, parseChoice, parseDateKey, restoreFormulaText } from './values';
import { neutraliseFormula } from '@/lib/domain/csv';

const columns = [
  { key: 'reference', header: 'Reference', required: true },
  { key: 'urn', header: 'URN', required: true },
  { key: 'apmis', header: 'APMIS reference', required: false },
] as const;

const read = (text: string, maxRows?: number) => readCsv(text, columns, { maxRows });

describe('readCsv', () => {
  it('reads a plain file; row numbers count the header as row 1', () => {
    const result = read('Reference,URN,APMIS reference\nD-1,T-1,APM-1\nD-2,T-2,\n');
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, values: { reference: 'D-1', urn: 'T-1', apmis: 'APM-1' } },
        { row: 3, values: { reference: 'D-2', urn: 'T-2', apmis: '' } },
      ],
    });
  });

  it('skips a byte-order mark and reads CRLF line ends', () => {
    const result = read('\uFEFFReference,URN\r\nD-1,T-1\r\n');
    expect(result).toEqual({ ok: true, rows: [{ row: 2, values: { reference: 'D-1', urn: 'T-1', apmis: '' } }] });
  });

  it('skips the OFFICIAL-SENSITIVE marking on the first and last lines (as our exports write them), counting it as a row', () => {
    const result = read('OFFICIAL-SENSITIVE\r\nReference,URN\r\nD-1,T-1\r\nD-2,T-2\r\nOFFICIAL-SENSITIVE\r\n');
    expect(result.ok && result.rows.map((r) => [r.row, r.values.reference])).toEqual([
      [3, 'D-1'],
      [4, 'D-2'],
    ]);
  });

  it('keeps a marking-like cell that is data, and only skips the marking at either end', () => {
    expect(isMarkingRecord(['official-sensitive', '', ' '])).toBe(true);
    expect(isMarkingRecord(['OFFICIAL-SENSITIVE', 'x'])).toBe(false);
  });

  it('reads quoted fields with commas, quotes and line breaks; a multi-line record is one row', () => {
    const result = read('Reference,URN,APMIS reference\n"D-1","T, ""one""\nsecond line",A\nD-2,T-2,B\n');
    expect(result.ok && result.rows).toEqual([
      { row: 2, values: { reference: 'D-1', urn: 'T, "one"\nsecond line', apmis: 'A' } },
      { row: 3, values: { reference: 'D-2', urn: 'T-2', apmis: 'B' } },
    ]);
  });

  it('matches headers case-insensitively, ignoring surrounding spaces, in any order', () => {
    const result = read(' urn , apmis REFERENCE,REFERENCE\nT-1,A,D-1\n');
    expect(result.ok && result.rows[0]!.values).toEqual({ reference: 'D-1', urn: 'T-1', apmis: 'A' });
  });

  it('skips blank rows but keeps counting them', () => {
    const result = read('Reference,URN\n\nD-1,T-1\n,\nD-2,T-2\n');
    expect(result.ok && result.rows.map((r) => r.row)).toEqual([3, 5]);
  });

  it('notes cells beyond the header (an unquoted comma)', () => {
    const result = read('Reference,URN\nD-1,T-1,extra\n');
    expect(result.ok && result.rows[0]!.extraCells).toBe(1);
  });

  it.each([
    ['an unknown column', 'Reference,URN,Colour\nD-1,T-1,red\n', /Row 1: the column "Colour" is not recognised\. The columns are: Reference, URN, APMIS reference\./],
    ['a missing required column', 'OFFICIAL-SENSITIVE\nReference\nD-1\n', /Row 2: the header row is missing the required column "URN"/],
    ['a column twice', 'Reference,URN,urn\nD-1,T-1,T-2\n', /the column "URN" appears more than once/],
    ['an empty file', '', /The file is empty/],
    ['only the marking', 'OFFICIAL-SENSITIVE\r\n', /The file is empty/],
    ['no data rows', 'Reference,URN\n', /no rows of data/],
    ['an unclosed quote', 'Reference,URN\n"D-1,T-1\n', /could not be read as CSV/],
  ])('refuses %s as a file problem', (_name, text, message) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('refuses more rows than the limit, saying how many', () => {
    const result = read('Reference,URN\nD-1,T-1\nD-2,T-2\nD-3,T-3\n', 2);
    expect(!result.ok && result.message).toBe('The file has 3 rows of data. Import at most 2 rows at a time: split the file and import each part.');
  });
});

describe('parseDateKey', () => {
  it.each([
    ['25/11/2026', '2026-11-25'],
    ['5/1/2026', '2026-01-05'],
    [' 2026-03-29 ', '2026-03-29'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, key) => expect(parseDateKey(text)).toBe(key));

  it.each(['31/02/2026', '29/02/2026', '2026-13-01', '11/25/2026', '25-11-2026', '2026/11/25', '25 November 2026', ''])('refuses %s', (text) => expect(parseDateKey(text)).toBeNull());
});

describe('parseChoice', () => {
  const codes = ['PRIORITY_INDIVIDUAL', 'OCG'] as const;
  const labels = { PRIORITY_INDIVIDUAL: 'Priority individual', OCG: 'Organised crime group' };
  it.each([
    ['PRIORITY_INDIVIDUAL', 'PRIORITY_INDIVIDUAL'],
    ['priority_individual', 'PRIORITY_INDIVIDUAL'],
    ['Priority individual', 'PRIORITY_INDIVIDUAL'],
    ['  PRIORITY   INDIVIDUAL ', 'PRIORITY_INDIVIDUAL'],
    ['ocg', 'OCG'],
    ['organised crime GROUP', 'OCG'],
  ])('reads %j as %s', (text, code) => expect(parseChoice(text, codes, labels)).toBe(code));

  it.each(['', 'Priority', 'gang'])('refuses %j', (text) => expect(parseChoice(text, codes, labels)).toBeNull());
  it('normalises words', () => expect(normaliseWord('  Mapped_On  ')).toBe('mapped on'));
});

describe('columns our exports add', () => {
  const ignored = ['Threat name', 'Recorded on APMIS'];

  it('skips the ignored columns wherever they are, in any case, and reads the rest', () => {
    const result = readCsv('Reference,threat NAME ,URN,Recorded on APMIS,APMIS reference\nD-1,Operation X,T-1,yes,APM-1\n', columns, { ignored });
    expect(result).toEqual({ ok: true, rows: [{ row: 2, values: { reference: 'D-1', urn: 'T-1', apmis: 'APM-1' } }] });
  });

  it('still refuses a column that is neither read nor ignored', () => {
    const result = readCsv('Reference,URN,Threat name,Notes\nD-1,T-1,X,y\n', columns, { ignored });
    expect(!result.ok && result.message).toBe('Row 1: the column "Notes" is not recognised. The columns are: Reference, URN, APMIS reference.');
  });

  it('refuses them when not named as ignored (the master list ignores nothing)', () => {
    const result = readCsv('Reference,URN,Threat name\nD-1,T-1,X\n', columns);
    expect(result.ok).toBe(false);
  });
});

describe('cells our exports neutralised', () => {
  it.each(['=SUM(A1)', '+44 113', '-5 kg', '@risk', '\tindented', '\rreturn'])('reads %j back as written after the export quoted it', (text) => {
    expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
  });

  it.each(["'quoted", "'", "it's", "''=x", " '=x"])('leaves %j as it is', (text) => expect(restoreFormulaText(text)).toBe(text));

  it('removes the quote in every data cell of a file, not in the header', () => {
    const result = read(`Reference,URN,APMIS reference\r\n'-D-1,"'=HYPERLINK(""x"")",'@A\r\n`);
    expect(result).toEqual({ ok: true, rows: [{ row: 2, values: { reference: '-D-1', urn: '=HYPERLINK("x")', apmis: '@A' } }] });
  });
});
