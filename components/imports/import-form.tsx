'use client';

import Link from 'next/link';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/forms/error-summary';
import { Panel } from '@/components/ui/panel';
import { Table } from '@/components/ui/table';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, MAX_IMPORT_BYTES, type ImportKind, type ImportProgress, type ImportResult } from '@/lib/domain/imports/types';
import { ImportProblem, postImport } from './post-import';

const KIND_HINTS: Record<ImportKind, string> = {
  threats: 'Threats by URN: name, type, tier, status, organisation, LRO and deputy, threat areas',
  disruptions: 'Disruptions by reference, against threats by URN',
};

const PHASE_LABELS: Record<ImportProgress['phase'], string> = { reading: 'Reading the file', checking: 'Checking rows', writing: 'Importing rows' };

const number = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

type Stage = 'choose' | 'checking' | 'checked' | 'importing' | 'imported';
type FieldErrors = { kind?: string; file?: string };

/** The words for where an import has got to, for the status line and the progress bar's label. */
export function progressText(progress: ImportProgress | null): string {
  if (!progress) return 'Starting';
  if (progress.phase === 'reading') return PHASE_LABELS.reading;
  return `${PHASE_LABELS[progress.phase]}: ${number(progress.done)} of ${number(progress.total)}`;
}

/**
 * The import journey (issue 6, "Imports"): choose the kind of file and the file, check it (a
 * preview: counts of rows to create, update and leave, and every row error, with progress for a
 * large file), then import it (all or nothing, with progress) and see what changed. The file is
 * sent twice, once to check and once to import; the server checks it again before writing.
 */
export function ImportForm({ canReadPlans }: { canReadPlans: boolean }) {
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>('choose');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = stage === 'checking' || stage === 'importing';

  const reset = () => {
    setStage('choose');
    setResult(null);
    setProblem(null);
    setProgress(null);
  };

  async function send(mode: 'preview' | 'commit') {
    if (!kind || !file) return;
    setProblem(null);
    setProgress(null);
    setStage(mode === 'preview' ? 'checking' : 'importing');
    try {
      const answer = await postImport(kind, file, mode, setProgress);
      setResult(answer);
      setStage(answer.committed ? 'imported' : 'checked');
    } catch (error) {
      setProblem(error instanceof ImportProblem ? error.message : 'The import failed and nothing was imported. Try again.');
      setResult(null);
      setStage('choose');
    }
    setAttempt((n) => n + 1);
  }

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!kind) errors.kind = 'Select what the file holds';
    if (!file) errors.file = 'Select a CSV file';
    else if (file.size === 0) errors.file = 'The selected file is empty';
    else if (file.size > MAX_IMPORT_BYTES) errors.file = `The selected file must be smaller than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
    else if (!/\.csv$/i.test(file.name)) errors.file = 'The selected file must be a CSV';
    setFieldErrors(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length === 0) void send('preview');
    else reset();
  }

  const summaryItems = [
    ...(fieldErrors.kind ? [{ href: '#kind', text: fieldErrors.kind }] : []),
    ...(fieldErrors.file ? [{ href: '#file', text: fieldErrors.file }] : []),
    ...(problem ? [{ href: '#file', text: problem }] : []),
  ];
  const rowErrors = result && result.errorCount > 0 ? result : null;

  if (stage === 'imported' && result) return <Confirmation result={result} canReadPlans={canReadPlans} onAnother={() => { reset(); setFile(null); setKind(null); }} />;

  return (
    <>
      {summaryItems.length > 0 ? <ErrorSummary items={summaryItems} focusKey={attempt} /> : null}
      {rowErrors ? (
        <ErrorSummary
          focusKey={attempt}
          description={`${plural(rowErrors.errorCount, 'problem was', 'problems were')} found in ${rowErrors.fileName}. Nothing has been imported. Correct the file and check it again.`}
          items={rowErrors.errors.slice(0, 10).map((e) => ({ href: '#import-errors', text: `Row ${number(e.row)}, ${e.column}: ${e.message}` }))}
        />
      ) : null}

      <form onSubmit={check} noValidate>
        <div className={`govuk-form-group${fieldErrors.kind ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={fieldErrors.kind ? 'kind-error' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">What does the file hold?</legend>
            {fieldErrors.kind ? (
              <p id="kind-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {fieldErrors.kind}
              </p>
            ) : null}
            <div className="govuk-radios">
              {IMPORT_KINDS.map((value, index) => (
                <div className="govuk-radios__item" key={value}>
                  <input
                    className="govuk-radios__input"
                    id={index === 0 ? 'kind' : `kind-${value}`}
                    name="kind"
                    type="radio"
                    value={value}
                    checked={kind === value}
                    disabled={busy}
                    aria-describedby={`kind-${value}-hint`}
                    onChange={() => {
                      setKind(value);
                      reset();
                    }}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={index === 0 ? 'kind' : `kind-${value}`}>
                    {IMPORT_KIND_LABELS[value]}
                  </label>
                  <div id={`kind-${value}-hint`} className="govuk-hint govuk-radios__hint">
                    {KIND_HINTS[value]}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>

        <div className={`govuk-form-group${fieldErrors.file ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--m" htmlFor="file">
            Upload a file
          </label>
          <div id="file-hint" className="govuk-hint">
            A CSV file of up to {MAX_IMPORT_BYTES / 1024 / 1024} MB, saved as &quot;CSV UTF-8&quot;. The OFFICIAL-SENSITIVE marking lines of a Quadrant export are ignored.
          </div>
          {fieldErrors.file ? (
            <p id="file-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fieldErrors.file}
            </p>
          ) : null}
          <input
            ref={fileInput}
            className={`govuk-file-upload${fieldErrors.file ? ' govuk-file-upload--error' : ''}`}
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            aria-describedby={`file-hint${fieldErrors.file ? ' file-error' : ''}`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
          />
        </div>

        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy}>
          Check file
        </button>
      </form>

      <div aria-live="polite" role="status">
        {busy ? <Progress progress={progress} label={stage === 'checking' ? 'Checking the file' : 'Importing the file'} /> : null}
      </div>

      {stage === 'checked' && result ? <Preview result={result} busy={busy} onImport={() => void send('commit')} /> : null}
    </>
  );
}

function Progress({ progress, label }: { progress: ImportProgress | null; label: string }) {
  const text = progressText(progress);
  const determinate = progress && progress.phase !== 'reading' && progress.total > 0;
  return (
    <div className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{label}</h2>
      <label className="govuk-body govuk-!-display-block" htmlFor="import-progress">
        {text}
      </label>
      {determinate ? <progress id="import-progress" max={progress.total} value={progress.done} /> : <progress id="import-progress" />}
    </div>
  );
}

function Counts({ result, verbs }: { result: ImportResult; verbs: { create: string; update: string } }) {
  const rows: [string, number][] = [
    [verbs.create, result.toCreate],
    [verbs.update, result.toUpdate],
    ['Unchanged (the same as stored)', result.unchanged],
  ];
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Rows in the file</dt>
        <dd className="govuk-summary-list__value">{number(result.rows)}</dd>
      </div>
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Preview({ result, busy, onImport }: { result: ImportResult; busy: boolean; onImport: () => void }) {
  const records = result.kind === 'threats' ? ['threat', 'threats'] : ['disruption', 'disruptions'];
  const writes = result.toCreate + result.toUpdate;
  return (
    <section aria-labelledby="preview-heading">
      <h2 className="govuk-heading-m" id="preview-heading" tabIndex={-1}>
        {result.errorCount > 0 ? 'The file cannot be imported' : 'The file is ready to import'}
      </h2>
      <p className="govuk-body">{result.fileName}</p>
      <Counts result={result} verbs={{ create: `New ${records[1]} to create`, update: `${records[1]!.charAt(0).toUpperCase()}${records[1]!.slice(1)} to update` }} />
      {result.errorCount > 0 ? (
        <ErrorsTable result={result} />
      ) : writes === 0 ? (
        <p className="govuk-body">Every row is the same as what is stored: there is nothing to import.</p>
      ) : (
        <button type="button" className="govuk-button" data-module="govuk-button" disabled={busy} onClick={onImport}>
          Import {plural(writes, records[0]!, records[1]!)}
        </button>
      )}
    </section>
  );
}

function ErrorsTable({ result }: { result: ImportResult }) {
  const caption: ReactNode =
    result.errorCount > result.errors.length
      ? `Problems in the file: the first ${number(result.errors.length)} of ${number(result.errorCount)}`
      : `Problems in the file (${number(result.errorCount)})`;
  return (
    <div id="import-errors" className="app-table-scroll" tabIndex={0} role="region" aria-label="Problems in the file">
      <Table
        caption={caption}
        captionSize="m"
        head={[{ text: 'Row', isNumeric: true }, { text: 'Column' }, { text: 'Problem' }]}
        rows={result.errors.map((e, index) => ({ key: `${e.row}-${index}`, cells: [{ content: number(e.row), isNumeric: true }, e.column, e.message] }))}
      />
    </div>
  );
}

function Confirmation({ result, canReadPlans, onAnother }: { result: ImportResult; canReadPlans: boolean; onAnother: () => void }) {
  const records = result.kind === 'threats' ? ['threat', 'threats'] : ['disruption', 'disruptions'];
  const written = result.toCreate + result.toUpdate;
  const linkTo = (id: string) => (result.kind === 'disruptions' && canReadPlans ? `/threats/${id}/disruptions` : `/threats/${id}`);
  return (
    <>
      <Panel title={written > 0 ? 'Import complete' : 'Nothing to import'}>
        {written > 0 ? `${plural(written, records[0]!, records[1]!)} imported from ${result.fileName}` : `Every row of ${result.fileName} was already stored`}
      </Panel>
      <h2 className="govuk-heading-m">What was imported</h2>
      <Counts result={result} verbs={{ create: `${records[1]!.charAt(0).toUpperCase()}${records[1]!.slice(1)} created`, update: `${records[1]!.charAt(0).toUpperCase()}${records[1]!.slice(1)} updated` }} />
      {result.changedThreats.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{result.kind === 'threats' ? 'Threats created or updated' : 'Threats whose disruptions changed'}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {result.changedThreats.map((threat) => (
              <li key={threat.id}>
                <Link className="govuk-link" href={linkTo(threat.id)}>
                  {threat.urn}: {threat.name}
                  {result.kind === 'disruptions' && canReadPlans ? <span className="govuk-visually-hidden"> disruptions</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" href="/threats">
          Go to the threats register
        </Link>
      </p>
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onAnother}>
        Import another file
      </button>
    </>
  );
}
