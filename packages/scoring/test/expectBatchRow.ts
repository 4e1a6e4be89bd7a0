import { APPROACHES, FIT_LEVELS, type SideFit } from '@gpufit/schema';
import { expect } from 'vitest';
import { CONSTRAINT_CODES, type FitBatch } from '../src/index.js';

/** What a batch row is checked against: an assessment (data or explained) of the same profile. */
export interface ExpectedRow {
  readonly cloud: SideFit;
  readonly depin: SideFit;
  readonly approach: string;
  readonly constraints: readonly { readonly code: string; readonly scope: 'all' | 'part' }[];
}

/** Row `i` of `batch` says what `expected` says: scores bit for bit, levels, approach, constraint bits. */
export function expectBatchRow(batch: FitBatch, i: number, expected: ExpectedRow): void {
  expect(batch.cloudScore[i]).toBe(expected.cloud.score);
  expect(batch.depinScore[i]).toBe(expected.depin.score);
  expect(FIT_LEVELS[batch.cloudLevel[i]!]).toBe(expected.cloud.level);
  expect(FIT_LEVELS[batch.depinLevel[i]!]).toBe(expected.depin.level);
  expect(APPROACHES[batch.approach[i]!]).toBe(expected.approach);
  const codes = CONSTRAINT_CODES.filter((_, bit) => (batch.constraintMask[i]! >> bit) & 1);
  expect(codes).toEqual(expected.constraints.map((c) => c.code));
  const partial = CONSTRAINT_CODES.filter((_, bit) => (batch.partialMask[i]! >> bit) & 1);
  expect(partial).toEqual(expected.constraints.filter((c) => c.scope === 'part').map((c) => c.code));
}
