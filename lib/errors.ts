/** Errors the app expects and turns into messages for people; anything else is a defect. */
export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION' | 'UNAUTHENTICATED';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'The record was not found, or you do not have access to it');
export const forbidden = () => new AppError('FORBIDDEN', 'You do not have permission to do that');

/** A version conflict: somebody else saved first. The message names who and when. */
export function conflict(changedBy: string | null, changedAt: Date): AppError {
  const when = changedAt.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
  return new AppError(
    'CONFLICT',
    `${changedBy ?? 'Someone else'} changed this on ${when} after you opened it. Your changes have not been saved: check their changes, then apply yours again.`,
  );
}
