import type { Accounting, AnalysisAccounting } from '@gpufit/schema';

/**
 * An analysis's books from its two inputs' (`read = accepted + rejected` in each); the top level repeats the
 * workloads', as schema 2.0 had them.
 */
export function analysisAccounting(workloads: Accounting, offers: Accounting): AnalysisAccounting {
  return {
    read: workloads.read,
    accepted: workloads.accepted,
    rejected: workloads.rejected,
    workloads,
    offers,
  };
}

/** The books of rows given as values rather than read from a file: every one accepted. */
export function allAccepted(rows: number): Accounting {
  return { read: rows, accepted: rows, rejected: 0 };
}
