import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IGNORED_IMPORT_COLUMNS, IMPORT_COLUMNS } from './imports';
import { DISRUPTION_CATEGORIES, DISRUPTION_CATEGORY_LABELS, DISRUPTION_ROLES, DISRUPTION_ROLE_LABELS } from './disruptions';
import { STRANDS, STRAND_LABELS, THREAT_AREAS, THREAT_AREA_LABELS, THREAT_STATUSES, THREAT_STATUS_LABELS, THREAT_TYPES, THREAT_TYPE_LABELS } from '@/lib/domain/vocabulary';
import { readCsv } from '@/lib/domain/imports/read-csv';

// docs/imports.md is the contract people build their files to: it must name every column the
// code reads, and every code and label the code accepts; the example files must read cleanly.
const root = path.join(import.meta.dirname, '..', '..');
const doc = readFileSync(path.join(root, 'docs', 'imports.md'), 'utf8');

describe('docs/imports.md', () => {
  it.each(Object.entries(IMPORT_COLUMNS).flatMap(([kind, columns]) => columns.map((c) => [kind, c.header, c.required] as const)))('documents the %s column %s', (_kind, header, required) => {
    expect(doc).toMatch(new RegExp(`^\\| ${header} \\| ${required ? 'yes' : '(no|when Archived)'} \\|`, 'm'));
  });

  it.each(Object.values(IGNORED_IMPORT_COLUMNS).flatMap((columns) => columns.map((c) => c.header)))('documents the ignored column %s', (header) => {
    expect(doc).toMatch(new RegExp(`^\\| ${header} \\| `, 'm'));
    expect(doc).toContain('ignored if present, so an export re-imports');
  });

  const choices: [string, Record<string, string>][] = [
    ...([
      [THREAT_TYPES, THREAT_TYPE_LABELS],
      [THREAT_STATUSES, THREAT_STATUS_LABELS],
      [THREAT_AREAS, THREAT_AREA_LABELS],
      [STRANDS, STRAND_LABELS],
      [DISRUPTION_CATEGORIES, DISRUPTION_CATEGORY_LABELS],
      [DISRUPTION_ROLES, DISRUPTION_ROLE_LABELS],
    ] as [readonly string[], Record<string, string>][]).flatMap(([codes, labels]) => codes.map((code) => [code, labels] as [string, Record<string, string>])),
  ];
  it.each(choices)('lists %s with its label', (code, labels) => {
    expect(doc).toContain(`\`${code}\` (${labels[code]})`);
  });

  it.each([
    ['threats', 'soc-master-list.csv'],
    ['disruptions', 'disruptions.csv'],
  ] as const)('has an example %s file that reads without a file problem', (kind, name) => {
    const result = readCsv(readFileSync(path.join(root, 'docs', 'examples', name), 'utf8'), IMPORT_COLUMNS[kind]);
    expect(result.ok).toBe(true);
  });
});
