import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetters, excelSerial, sanitiseSheetNames, toXlsx, xmlEscape, XLSX_MAX_CELL_TEXT } from './xlsx';
import { assertWellFormedXml, readXlsx, sheetValues } from '@/test/xlsx-reader';

const workbook = () =>
  toXlsx([
    {
      name: 'Threats',
      rows: [
        ['URN', 'Name', 'Tier'],
        ['WYP-1', 'Amber & <Heron> "quoted" it\'s', 2],
        ['WYP-2', '=HYPERLINK("http://x","y")', -3.5],
        ['WYP-3', '+1', 0],
        ['WYP-4', null, null],
      ],
      boldRows: [0],
    },
    { name: 'Empty', rows: [] },
  ]);

describe('toXlsx', () => {
  it('writes a package whose every referenced part exists and whose XML is well-formed', () => {
    const book = readXlsx(workbook());
    expect(book.sheets.map((s) => s.name)).toEqual(['Threats', 'Empty']);
    expect(Object.keys(book.parts).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    );
  });

  it('marks every sheet OFFICIAL-SENSITIVE in its first and last rows, in bold', () => {
    for (const sheet of readXlsx(workbook()).sheets) {
      const first = sheet.rows[0]!;
      const last = sheet.rows[sheet.rows.length - 1]!;
      expect(first.map((c) => c?.value)).toEqual(['OFFICIAL-SENSITIVE']);
      expect(last.map((c) => c?.value)).toEqual(['OFFICIAL-SENSITIVE']);
      expect(first[0]!.style).toBe(1);
    }
    const [threats, empty] = readXlsx(workbook()).sheets;
    expect(threats!.rows).toHaveLength(7);
    expect(empty!.rows).toHaveLength(2);
  });

  it('repeats the marking in the printed header and footer of every sheet', () => {
    for (const sheet of readXlsx(workbook()).sheets) {
      expect(sheet.xml).toContain('<headerFooter><oddHeader>&amp;C&amp;&quot;-,Bold&quot;OFFICIAL-SENSITIVE</oddHeader>');
      expect(sheet.xml).toMatch(/<oddFooter>&amp;C&amp;&quot;-,Bold&quot;OFFICIAL-SENSITIVE/);
    }
  });

  it('stores text as inline strings, escaped, and numbers as numbers', () => {
    const [threats] = readXlsx(workbook()).sheets;
    const values = sheetValues(threats!);
    expect(values[1]).toEqual(['URN', 'Name', 'Tier']);
    expect(values[2]).toEqual(['WYP-1', 'Amber & <Heron> "quoted" it\'s', 2]);
    expect(threats!.rows[2]![2]).toMatchObject({ type: 'number', value: 2 });
    expect(threats!.rows[3]![2]).toMatchObject({ type: 'number', value: -3.5 });
    expect(threats!.xml).toContain('Amber &amp; &lt;Heron&gt; &quot;quoted&quot; it&apos;s');
    expect(threats!.rows[1]!.every((c) => c!.style === 1)).toBe(true);
    expect(threats!.rows[2]!.every((c) => c!.style === 0)).toBe(true);
  });

  it('never writes a formula: formula-looking text is a string with a leading quote, as in CSV', () => {
    const [threats] = readXlsx(workbook()).sheets;
    expect(threats!.rows[3]![1]).toMatchObject({ type: 'string', value: '\'=HYPERLINK("http://x","y")', formula: false });
    expect(threats!.rows[4]![1]).toMatchObject({ type: 'string', value: "'+1" });
    expect(threats!.xml).not.toMatch(/<f[ >]/);
  });

  it('leaves null and empty cells out', () => {
    const [threats] = readXlsx(workbook()).sheets;
    expect(threats!.rows[5]).toEqual([{ value: 'WYP-4', type: 'string', style: 0, formula: false }]);
  });

  it('strips characters XML 1.0 forbids and cuts text to the cell limit', () => {
    const bytes = toXlsx([{ name: 'S', rows: [['a\u0000b\u0007c\u000Bd\uFFFEe', 'x'.repeat(XLSX_MAX_CELL_TEXT + 10), 'tab\tand\nline']] }]);
    const [sheet] = readXlsx(bytes).sheets;
    expect(sheet!.rows[1]![0]!.value).toBe('abcde');
    expect((sheet!.rows[1]![1]!.value as string).length).toBe(XLSX_MAX_CELL_TEXT);
    expect(sheet!.rows[1]![2]!.value).toBe('tab\tand\nline');
  });

  it('writes dates as date serials with a dd/mm/yyyy style, in London time', () => {
    const [sheet] = readXlsx(toXlsx([{ name: 'Dates', rows: [[new Date('2026-07-01T23:00:00Z'), new Date('2026-01-15T00:00:00Z'), new Date('2026-01-15T09:30:00Z')]] }])).sheets;
    const [summer, winter, withTime] = sheet!.rows[1]!;
    // 2 July 2026 is serial 46205; 15 January 2026 is 46037.
    expect(summer).toMatchObject({ type: 'number', value: 46205, style: 2 });
    expect(winter).toMatchObject({ type: 'number', value: 46037, style: 2 });
    expect(withTime!.style).toBe(3);
    expect(withTime!.value).toBeCloseTo(46037 + 9.5 / 24, 8);
    const styles = strFromU8(unzipSync(toXlsx([{ name: 'x', rows: [] }]))['xl/styles.xml']!);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>');
    expect(styles).toMatch(/<cellXfs count="5">/);
    expect(styles.match(/<xf /g)!.length).toBe(6);
  });

  it('gives the same bytes for the same workbook', () => {
    expect(Buffer.from(workbook()).equals(Buffer.from(workbook()))).toBe(true);
  });

  it('writes one sheet when given none', () => {
    expect(readXlsx(toXlsx([])).sheets.map((s) => s.name)).toEqual(['Sheet']);
  });

  it('uses the sanitised, unique sheet names in the workbook', () => {
    const book = readXlsx(toXlsx([{ name: 'Flags: per [force]?', rows: [] }, { name: 'flags  per  force ', rows: [] }]));
    expect(book.sheets.map((s) => s.name)).toEqual(['Flags per force', 'flags per force (2)']);
  });
});

describe('sanitiseSheetNames', () => {
  it.each([
    [['a/b\\c*d?e:f[g]h'], ['a b c d e f g h']],
    [["'quoted'"], ['quoted']],
    [[''], ['Sheet']],
    [['History'], ['History sheet']],
    [['A'.repeat(40)], ['A'.repeat(31)]],
    [['Same', 'same', 'SAME'], ['Same', 'same (2)', 'SAME (3)']],
    [['B'.repeat(31), 'B'.repeat(35)], ['B'.repeat(31), `${'B'.repeat(27)} (2)`]],
  ])('%j → %j', (input, expected) => {
    const names = sanitiseSheetNames(input);
    expect(names).toEqual(expected);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe('helpers', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('columnLetters(%i) = %s', (index, letters) => expect(columnLetters(index)).toBe(letters));

  it('escapes the five XML characters and drops lone surrogates', () => {
    expect(xmlEscape(`& < > " '`)).toBe('&amp; &lt; &gt; &quot; &apos;');
    expect(xmlEscape('a\uD800b')).toBe('ab');
    expect(xmlEscape('😀')).toBe('😀');
  });

  it('excelSerial counts days from 30 December 1899 on the London calendar', () => {
    expect(excelSerial(new Date('1900-03-01T00:00:00Z'))).toEqual({ serial: 61, hasTime: false });
    expect(excelSerial(new Date('2024-06-30T23:00:00Z'))).toEqual({ serial: 45474, hasTime: false });
  });

  it('the test reader refuses XML that is not well-formed', () => {
    expect(() => assertWellFormedXml('<a><b></a>')).toThrow();
    expect(() => assertWellFormedXml('<a>x & y</a>')).toThrow();
    expect(() => assertWellFormedXml('<a/><b/>')).toThrow();
    expect(() => assertWellFormedXml('<a x="1">ok &amp; fine</a>')).not.toThrow();
  });
});
