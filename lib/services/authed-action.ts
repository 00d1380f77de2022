import 'server-only';
import type { z } from 'zod';
import type { Tx } from '@/lib/db/client';
import { runInTransaction } from '@/lib/db/transaction';
import { recordAudit, type AuditInput } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { can, type Resource, type Verb } from '@/lib/auth/policy';
import type { FormState } from '@/lib/validation/form-state';

export type Loaded<R> = { record: R; resource: Resource };

export type ActionConfig<S extends z.ZodType, R, O> = {
  /** Short name for the audit trail and logs, e.g. 'threat.update'. */
  name: string;
  schema: S;
  verb: Verb;
  /**
   * Loads the record the write is about, already scoped to the user's organisation in its
   * `where` clause. Null means "not found", which is also what a user of another force sees.
   */
  load: (args: { user: CurrentUser; input: z.infer<S>; tx: Tx }) => Promise<Loaded<R> | null>;
  /** Does the write. Throw AppError for expected refusals (e.g. a version conflict). */
  handler: (args: { user: CurrentUser; input: z.infer<S>; record: R; tx: Tx }) => Promise<{
    data?: O;
    message?: string;
    audit: Omit<AuditInput, 'actorId'> | Omit<AuditInput, 'actorId'>[];
  }>;
};

function toObject(input: unknown): unknown {
  if (typeof FormData !== 'undefined' && input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of input.entries()) {
      if (key.startsWith('$ACTION')) continue;
      if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
      else out[key] = value;
    }
    return out;
  }
  return input;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Runs one write for a known user: validate, load within scope, ask the policy about the record,
 * write and audit in one transaction, and turn expected errors into form state. Exported for the
 * integration tests, which supply the user; the app uses `authedAction`.
 */
export async function runAuthed<S extends z.ZodType, R, O>(
  user: CurrentUser | null,
  config: ActionConfig<S, R, O>,
  rawInput: unknown,
): Promise<FormState<O>> {
  const input = toObject(rawInput);
  const values = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  if (!user) return { status: 'error', message: 'Your session has ended. Sign in again.', fieldErrors: {}, values };

  const parsed = config.schema.safeParse(input);
  if (!parsed.success) {
    return { status: 'error', message: 'There is a problem', fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    return await runInTransaction(async (tx) => {
      const loaded = await config.load({ user, input: parsed.data, tx });
      // Out of scope and not allowed read the same to the user: no hint that the record exists.
      if (!loaded || !can(user, config.verb, loaded.resource)) {
        throw new AppError('NOT_FOUND', 'The record was not found, or you do not have access to it');
      }
      const result = await config.handler({ user, input: parsed.data, record: loaded.record, tx });
      for (const event of ([] as Omit<AuditInput, 'actorId'>[]).concat(result.audit)) {
        await recordAudit({ ...event, actorId: user.id }, tx);
      }
      return { status: 'success', message: result.message, data: result.data } as FormState<O>;
    });
  } catch (error) {
    if (error instanceof AppError) {
      return { status: 'error', code: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
    }
    console.error(JSON.stringify({ event: 'action-failed', action: config.name, userId: user.id, error: String(error) }));
    throw error;
  }
}

/** The one wrapper for every write the app makes: see docs/adr/0001-authorisation.md. */
export function authedAction<S extends z.ZodType, R, O>(config: ActionConfig<S, R, O>) {
  return async (input: z.input<S> | FormData): Promise<FormState<O>> => runAuthed(await getCurrentUser(), config, input);
}
