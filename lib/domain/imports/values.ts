/**
 * Reading the values people put in spreadsheet cells: dates as dd/mm/yyyy or yyyy-mm-dd, and
 * choices given as the database code ("PRIORITY_INDIVIDUAL") or the words on screen ("Priority
 * individual"), in any case. Pure.
 */

/** A header or choice as compared: trimmed, lower case, underscores and runs of spaces as one space. */
export function normaliseWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The ISO date key (yyyy-mm-dd) of a cell holding dd/mm/yyyy (day first, as UK spreadsheets show
 * it; d/m/yyyy too) or yyyy-mm-dd; null when it is neither or not a real date (31/02/2026).
 */
export function parseDateKey(text: string): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (uk) [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  return isRealDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** The code whose code or label the cell names (case and underscores ignored); null when none does. */
export function parseChoice<C extends string>(text: string, codes: readonly C[], labels: Record<C, string>): C | null {
  const wanted = normaliseWord(text);
  if (!wanted) return null;
  return codes.find((code) => normaliseWord(code) === wanted || normaliseWord(labels[code]) === wanted) ?? null;
}

/** "OCG (Organised crime group), PRIORITY_INDIVIDUAL (Priority individual)": for messages and the docs. */
export function describeChoices<C extends string>(codes: readonly C[], labels: Record<C, string>): string {
  return codes.map((code) => `${code} (${labels[code]})`).join(', ');
}

/**
 * A cell as typed before an export neutralised it (lib/domain/csv.ts `neutraliseFormula`): a
 * single quote followed by = + - @, a tab or a carriage return loses the quote ("'=SUM(A1)" is
 * read as "=SUM(A1)"). Anything else is returned as it is, a quote before other text included.
 */
export function restoreFormulaText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
