import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutraliseFormula, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Amber Heron')).toBe('Amber Heron');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvCell('Drugs, County lines')).toBe('"Drugs, County lines"');
    expect(csvCell('The "Heron" group')).toBe('"The ""Heron"" group"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises the formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves formula characters alone when they do not start the cell', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('WYP-2024-001')).toBe('WYP-2024-001');
  });
});

describe('toCsv', () => {
  it('starts and ends with the marking and ends every line with CRLF', () => {
    const csv = toCsv([
      ['URN', 'Name'],
      ['A-1', '=cmd'],
    ]);
    expect(csv).toBe('OFFICIAL-SENSITIVE\r\nURN,Name\r\nA-1,\'=cmd\r\nOFFICIAL-SENSITIVE\r\n');
    expect(csv.split('\r\n')[0]).toBe('OFFICIAL-SENSITIVE');
  });

  it('marks an empty export too', () => {
    expect(toCsv([])).toBe('OFFICIAL-SENSITIVE\r\nOFFICIAL-SENSITIVE\r\n');
  });

  it('csvLine joins escaped cells', () => {
    expect(csvLine(['a,b', 1, null])).toBe('"a,b",1,\r\n');
  });
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@A1', '\tx', '\rx'])('quotes %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('leaves other text alone', () => {
    expect(neutraliseFormula('Amber = Heron')).toBe('Amber = Heron');
    expect(neutraliseFormula('')).toBe('');
  });

  it('is not applied to numbers in CSV: a negative number stays a number', () => {
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell('-2.5')).toBe("'-2.5");
  });
});
