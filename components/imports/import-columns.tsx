import { Details } from '@/components/ui/details';
import { Table } from '@/components/ui/table';
import { IMPORT_KIND_LABELS, type ImportKind } from '@/lib/domain/imports/types';
import { IGNORED_IMPORT_COLUMNS, IMPORT_COLUMNS } from '@/lib/validation/imports';

/** The columns of one kind of import file, in a details component (docs/imports.md says the same). */
export function ImportColumns({ kind, exampleHref }: { kind: ImportKind; exampleHref: string }) {
  const label = IMPORT_KIND_LABELS[kind];
  return (
    <Details summary={`${label} file columns`}>
      <p className="govuk-body">
        A CSV file (UTF-8) with a header row naming these columns, in any order. Choices may be given as the code or the words shown, in any case. Dates are
        dd/mm/yyyy or yyyy-mm-dd. <a className="govuk-link" href={exampleHref} download>Download an example {label.toLowerCase()} file (CSV)</a>.
      </p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-label={`${label} file columns`}>
        <Table
          caption={`${label} columns`}
          captionSize="s"
          head={[{ text: 'Column' }, { text: 'Required' }, { text: 'What it holds' }]}
          rows={IMPORT_COLUMNS[kind].map((column) => ({ key: column.key, cells: [{ content: column.header, isHeader: true }, column.required ? 'Yes' : 'No', column.description] }))}
        />
      </div>
      {IGNORED_IMPORT_COLUMNS[kind].length ? (
        <p className="govuk-body">
          Also allowed, and ignored, so that a file exported from Quadrant imports as it is:{' '}
          {IGNORED_IMPORT_COLUMNS[kind].map((column) => column.header).join(', ')}. Any other column is refused.
        </p>
      ) : null}
    </Details>
  );
}
