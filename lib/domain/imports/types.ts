/**
 * Imports of APMIS extracts (issue 6, "Imports"): the shapes shared by the CSV reader, the row
 * validators, the import service, the route handler that streams its progress, the browser page
 * and the npm script. Pure types and constants: no I/O.
 */

export const IMPORT_KINDS = ['threats', 'disruptions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  threats: 'SOC master list',
  disruptions: 'Disruptions',
};

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Largest file accepted (bytes): csv-parse's synchronous parser holds the whole file in memory. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Most data rows accepted in one file. */
export const MAX_IMPORT_ROWS = 50_000;
/** At most this many row errors are listed; the total is always given. */
export const MAX_LISTED_ERRORS = 200;

/**
 * One problem with one cell (or row) of the file. `row` is the row number a spreadsheet shows
 * for it: the file's first record is row 1 (usually the OFFICIAL-SENSITIVE marking or the header).
 */
export type RowError = { row: number; column: string; message: string };

export type ImportMode = 'preview' | 'commit';

export type ImportPhase = 'reading' | 'checking' | 'writing';

export type ImportProgress = { phase: ImportPhase; done: number; total: number };

/** What a preview found, or a commit did. */
export type ImportResult = {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  /** Data rows in the file (marking lines, the header and blank rows not counted). */
  rows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  /** The first MAX_LISTED_ERRORS row errors, in row order. */
  errors: RowError[];
  errorCount: number;
  /** True once a commit has written its changes (false for a preview, or a refused commit). */
  committed: boolean;
  /** Threats created or changed (master list), or whose disruptions changed (disruptions); at most 50. */
  changedThreats: { id: string; urn: string; name: string }[];
};

/** The events the import route handler streams, one JSON object per line (NDJSON). */
export type ImportEvent =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'result'; result: ImportResult }
  | { type: 'error'; message: string };
