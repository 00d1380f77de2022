// `npm run import`: import an APMIS extract from the command line (issue 6, "Imports";
// docs/imports.md), with the same checks as the browser's /imports page. A dry run by default:
// it prints what would be created, updated and left unchanged, and every row error. With
// --commit it writes, all or nothing. Progress goes to stderr, the outcome to stdout.
//
//   npm run import -- --kind disruptions --file extract.csv --as regional.coordinator@quadrant.test [--commit]
//
// Run under the react-server condition (lib/db imports 'server-only'), as the seed is:
//   node --conditions=react-server --import tsx scripts/import.ts
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runImportAs } from '../lib/services/imports';
import { isImportKind, MAX_IMPORT_BYTES, type ImportProgress } from '../lib/domain/imports/types';

const USAGE = 'usage: npm run import -- --kind threats|disruptions --file <path.csv> --as <user e-mail> [--commit]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ options: { kind: { type: 'string' }, file: { type: 'string' }, as: { type: 'string' }, commit: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, strict: true });
}
try {
  args = parse();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const { kind, file, as: email, commit, help } = args.values;
if (help) {
  console.log(USAGE);
  process.exit(0);
}
if (!isImportKind(kind) || !file || !email) fail(USAGE);

const size = await stat(file).then((s) => s.size, () => fail(`import: cannot read ${file}`));
if (size > MAX_IMPORT_BYTES) fail(`import: ${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import each part.`);

let last = '';
const onProgress = ({ phase, done, total }: ImportProgress) => {
  const line = phase === 'reading' ? 'reading the file' : `${phase} ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
  if (line !== last) console.error(`import: ${line}`);
  last = line;
};

try {
  const result = await runImportAs(email, { kind, fileName: path.basename(file), content: new Uint8Array(await readFile(file)), mode: commit ? 'commit' : 'preview', onProgress });
  for (const error of result.errors) console.log(`row ${error.row}, ${error.column}: ${error.message}`);
  if (result.errorCount > result.errors.length) console.log(`... and ${result.errorCount - result.errors.length} more errors`);
  const counts = `${result.rows} rows: ${result.toCreate} to create, ${result.toUpdate} to update, ${result.unchanged} unchanged, ${result.errorCount} errors`;
  if (result.errorCount > 0) {
    console.log(`import: ${counts}. Nothing was imported: correct the file and run again.`);
    process.exit(1);
  }
  if (!commit) console.log(`import (dry run): ${counts}. Run again with --commit to import.`);
  else console.log(`import: ${result.toCreate} created, ${result.toUpdate} updated, ${result.unchanged} unchanged (${result.rows} rows).`);
  // Exit explicitly: database pools keep the event loop alive after the work is done.
  process.exit(0);
} catch (error) {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`);
  process.exit(1);
}
