import 'server-only';
import { prisma, type Tx } from './client';

/** Runs `work` in one database transaction (the write wrapper's unit of work). */
export function runInTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(work);
}
