import type { Analysis } from '@gpufit/schema';

/** A writable view of a readonly type (arrays and tuples keep their shape), for tests that vary the fixture. */
export type DeepMutable<T> = T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

/** A deep, writable copy of an analysis. */
export function mutableCopy(a: Analysis): DeepMutable<Analysis> {
  return structuredClone(a) as DeepMutable<Analysis>;
}
