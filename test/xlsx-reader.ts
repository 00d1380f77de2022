// Reads back the workbooks lib/domain/xlsx.ts writes, for tests (unit, integration and e2e): unzips
// with fflate, checks the package hangs together (every part a relationship or content type
// names exists, every XML part is well-formed) and returns each sheet's rows as values. No
// dependency beyond fflate, so Playwright specs can import it too.
import { strFromU8, unzipSync } from 'fflate';

export type ReadCell = { value: string | number; type: 'string' | 'number'; style: number; formula: boolean };
export type ReadSheet = { name: string; rows: (ReadCell | null)[][]; xml: string };
export type ReadWorkbook = { sheets: ReadSheet[]; parts: Record<string, string> };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const entity = ENTITIES[ref];
    if (entity === undefined) throw new Error(`Unknown entity &${ref};`);
    return entity;
  });
}

/**
 * Throws unless `xml` is well-formed in the ways a writer can get wrong: one XML declaration at
 * the start, tags balanced and nested, attributes quoted, no stray < or &, no characters XML 1.0
 * forbids.
 */
export function assertWellFormedXml(xml: string, part = 'xml'): void {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error(`${part}: character not allowed in XML 1.0`);
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let roots = 0;
  let index = 0;
  while (index < body.length) {
    token.lastIndex = index;
    const m = token.exec(body);
    if (!m) throw new Error(`${part}: not well-formed at ${index}: ${body.slice(index, index + 60)}`);
    index = token.lastIndex;
    const [, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) throw new Error(`${part}: text outside the root element`);
      xmlUnescape(text);
      if (/&(?!(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);)/.test(text)) throw new Error(`${part}: bare & in text`);
      continue;
    }
    if (attrs) {
      xmlUnescape(attrs);
      if (/&(?!(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);)/.test(attrs)) throw new Error(`${part}: bare & in an attribute`);
    }
    if (close) {
      if (stack.pop() !== name) throw new Error(`${part}: </${name}> closes nothing open`);
    } else if (!selfClose) {
      if (stack.length === 0) roots += 1;
      stack.push(name!);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length) throw new Error(`${part}: <${stack.join('>, <')}> never closed`);
  if (roots !== 1) throw new Error(`${part}: ${roots} root elements`);
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]!) : undefined;
};

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Unzips and checks a workbook, then reads its sheets' cells. Throws on a broken package. */
export function readXlsx(bytes: Uint8Array): ReadWorkbook {
  const zip = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [path, data] of Object.entries(zip)) {
    const text = strFromU8(data);
    assertWellFormedXml(text, path);
    parts[path] = text;
  }
  const need = (path: string) => {
    const text = parts[path];
    if (text === undefined) throw new Error(`missing part ${path}`);
    return text;
  };
  const types = need('[Content_Types].xml');
  for (const m of types.matchAll(/<Override [^>]*PartName="([^"]+)"/g)) need(m[1]!.slice(1));
  for (const path of Object.keys(parts)) {
    const ext = path.split('.').pop();
    const overridden = types.includes(`PartName="/${path}"`);
    if (!overridden && !types.includes(`Extension="${ext}"`)) throw new Error(`no content type for ${path}`);
  }
  const rootRels = need('_rels/.rels');
  const officeDocument = /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rootRels);
  if (!officeDocument) throw new Error('no officeDocument relationship');
  const workbookPath = resolve('', officeDocument[1] ?? officeDocument[2]!);
  const workbook = need(workbookPath);
  const relsPath = workbookPath.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = need(relsPath);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*\/>/g)) {
    const id = attr(m[0], 'Id')!;
    const target = resolve(workbookPath, attr(m[0], 'Target')!);
    need(target);
    targets.set(id, target);
  }
  const sheets: ReadSheet[] = [];
  const names = new Set<string>();
  for (const m of workbook.matchAll(/<sheet [^>]*\/>/g)) {
    const name = attr(m[0], 'name')!;
    if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`sheet name not allowed: ${name}`);
    if (names.has(name.toLowerCase())) throw new Error(`sheet name repeated: ${name}`);
    names.add(name.toLowerCase());
    const path = targets.get(attr(m[0], 'r:id')!);
    if (!path) throw new Error(`sheet ${name} has no relationship`);
    const xml = need(path);
    const rows: (ReadCell | null)[][] = [];
    for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>|<row r="(\d+)"[^>]*\/>/g)) {
      const r = Number(row[1] ?? row[3]) - 1;
      const cells: (ReadCell | null)[] = [];
      for (const c of (row[2] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const tag = `<c ${c[1]}>`;
        const inner = c[2] ?? '';
        const ref = attr(tag, 'r')!;
        if (!new RegExp(`^[A-Z]+${r + 1}$`).test(ref)) throw new Error(`cell ${ref} is not on row ${r + 1}`);
        const t = attr(tag, 't');
        const style = Number(attr(tag, 's') ?? 0);
        const formula = /<f[ >/]/.test(inner);
        let cell: ReadCell | null = null;
        if (t === 'inlineStr') {
          const text = [...inner.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((x) => xmlUnescape(x[1]!)).join('');
          cell = { value: text, type: 'string', style, formula };
        } else if (t === undefined || t === 'n') {
          const v = /<v>([^<]*)<\/v>/.exec(inner);
          if (v) cell = { value: Number(v[1]), type: 'number', style, formula };
        } else {
          throw new Error(`unexpected cell type ${t}`);
        }
        cells[columnIndex(ref)] = cell;
      }
      rows[r] = Array.from(cells, (x) => x ?? null);
    }
    sheets.push({ name, rows: Array.from(rows, (x) => x ?? []), xml });
  }
  return { sheets, parts };
}

/** A sheet's rows as plain values ('' for an empty cell), for assertions. */
export function sheetValues(sheet: ReadSheet): (string | number)[][] {
  return sheet.rows.map((row) => row.map((cell) => cell?.value ?? ''));
}
