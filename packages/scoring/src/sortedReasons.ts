import type { FactorId } from './factorIds.js';
import type { FactorReason } from './factorReason.js';

/**
 * Every factor's reason from its weighted contributions (`c`: cloud at 2i, DePIN at 2i + 1), largest |cloud| + |DePIN|
 * first, ties in registry order — the order a stable sort gives.
 *
 * A factor's place is the number of factors that go before it: those with a larger size, and those as large that
 * come earlier in the registry. Counted without jumps (`+(a > b)` is a 0 or 1): a sort's comparisons go either way at
 * random, and their mispredicted jumps made an insertion sort about half of `assessFit`'s own time (issue 19). For
 * the eleven built-in factors the counts are written out over locals; other counts take the same rule in loops. A
 * NaN size (only from a profile outside the schema) does not compare, so it takes `insertionSorted`, the stable sort
 * this replaced, whose order it keeps.
 */
export function sortedReasons(c: Float64Array, ids: readonly FactorId[]): FactorReason[] {
  return ids.length === 11 ? placedEleven(c, ids) : placed(c, ids);
}

function sizeOf(c: Float64Array, i: number): number {
  return Math.abs(c[2 * i]!) + Math.abs(c[2 * i + 1]!);
}

function reasonOf(ids: readonly FactorId[], c: Float64Array, i: number): FactorReason {
  return { factor: ids[i]!, cloud: c[2 * i]!, depin: c[2 * i + 1]! };
}

function placedEleven(c: Float64Array, ids: readonly FactorId[]): FactorReason[] {
  const s0 = sizeOf(c, 0);
  const s1 = sizeOf(c, 1);
  const s2 = sizeOf(c, 2);
  const s3 = sizeOf(c, 3);
  const s4 = sizeOf(c, 4);
  const s5 = sizeOf(c, 5);
  const s6 = sizeOf(c, 6);
  const s7 = sizeOf(c, 7);
  const s8 = sizeOf(c, 8);
  const s9 = sizeOf(c, 9);
  const s10 = sizeOf(c, 10);
  // Sizes are ≥ 0 or NaN, so the sum is NaN exactly when one of them is.
  if (Number.isNaN(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10)) return insertionSorted(c, ids);
  const reasons = new Array<FactorReason>(11);
  // Factor i's place: earlier factors at least as large (>=), later ones strictly larger (>).
  reasons[
    +(s1 > s0) +
      +(s2 > s0) +
      +(s3 > s0) +
      +(s4 > s0) +
      +(s5 > s0) +
      +(s6 > s0) +
      +(s7 > s0) +
      +(s8 > s0) +
      +(s9 > s0) +
      +(s10 > s0)
  ] = reasonOf(ids, c, 0);
  reasons[
    +(s0 >= s1) +
      +(s2 > s1) +
      +(s3 > s1) +
      +(s4 > s1) +
      +(s5 > s1) +
      +(s6 > s1) +
      +(s7 > s1) +
      +(s8 > s1) +
      +(s9 > s1) +
      +(s10 > s1)
  ] = reasonOf(ids, c, 1);
  reasons[
    +(s0 >= s2) +
      +(s1 >= s2) +
      +(s3 > s2) +
      +(s4 > s2) +
      +(s5 > s2) +
      +(s6 > s2) +
      +(s7 > s2) +
      +(s8 > s2) +
      +(s9 > s2) +
      +(s10 > s2)
  ] = reasonOf(ids, c, 2);
  reasons[
    +(s0 >= s3) +
      +(s1 >= s3) +
      +(s2 >= s3) +
      +(s4 > s3) +
      +(s5 > s3) +
      +(s6 > s3) +
      +(s7 > s3) +
      +(s8 > s3) +
      +(s9 > s3) +
      +(s10 > s3)
  ] = reasonOf(ids, c, 3);
  reasons[
    +(s0 >= s4) +
      +(s1 >= s4) +
      +(s2 >= s4) +
      +(s3 >= s4) +
      +(s5 > s4) +
      +(s6 > s4) +
      +(s7 > s4) +
      +(s8 > s4) +
      +(s9 > s4) +
      +(s10 > s4)
  ] = reasonOf(ids, c, 4);
  reasons[
    +(s0 >= s5) +
      +(s1 >= s5) +
      +(s2 >= s5) +
      +(s3 >= s5) +
      +(s4 >= s5) +
      +(s6 > s5) +
      +(s7 > s5) +
      +(s8 > s5) +
      +(s9 > s5) +
      +(s10 > s5)
  ] = reasonOf(ids, c, 5);
  reasons[
    +(s0 >= s6) +
      +(s1 >= s6) +
      +(s2 >= s6) +
      +(s3 >= s6) +
      +(s4 >= s6) +
      +(s5 >= s6) +
      +(s7 > s6) +
      +(s8 > s6) +
      +(s9 > s6) +
      +(s10 > s6)
  ] = reasonOf(ids, c, 6);
  reasons[
    +(s0 >= s7) +
      +(s1 >= s7) +
      +(s2 >= s7) +
      +(s3 >= s7) +
      +(s4 >= s7) +
      +(s5 >= s7) +
      +(s6 >= s7) +
      +(s8 > s7) +
      +(s9 > s7) +
      +(s10 > s7)
  ] = reasonOf(ids, c, 7);
  reasons[
    +(s0 >= s8) +
      +(s1 >= s8) +
      +(s2 >= s8) +
      +(s3 >= s8) +
      +(s4 >= s8) +
      +(s5 >= s8) +
      +(s6 >= s8) +
      +(s7 >= s8) +
      +(s9 > s8) +
      +(s10 > s8)
  ] = reasonOf(ids, c, 8);
  reasons[
    +(s0 >= s9) +
      +(s1 >= s9) +
      +(s2 >= s9) +
      +(s3 >= s9) +
      +(s4 >= s9) +
      +(s5 >= s9) +
      +(s6 >= s9) +
      +(s7 >= s9) +
      +(s8 >= s9) +
      +(s10 > s9)
  ] = reasonOf(ids, c, 9);
  reasons[
    +(s0 >= s10) +
      +(s1 >= s10) +
      +(s2 >= s10) +
      +(s3 >= s10) +
      +(s4 >= s10) +
      +(s5 >= s10) +
      +(s6 >= s10) +
      +(s7 >= s10) +
      +(s8 >= s10) +
      +(s9 >= s10)
  ] = reasonOf(ids, c, 10);
  return reasons;
}

function placed(c: Float64Array, ids: readonly FactorId[]): FactorReason[] {
  const n = ids.length;
  const sizes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const size = sizeOf(c, i);
    if (Number.isNaN(size)) return insertionSorted(c, ids);
    sizes[i] = size;
  }
  const reasons = new Array<FactorReason>(n);
  for (let i = 0; i < n; i++) {
    const size = sizes[i]!;
    let place = 0;
    for (let j = 0; j < i; j++) place += +(sizes[j]! >= size);
    for (let j = i + 1; j < n; j++) place += +(sizes[j]! > size);
    reasons[place] = reasonOf(ids, c, i);
  }
  return reasons;
}

/** A stable insertion sort by size, largest first: the order for sizes that do not compare (NaN). */
function insertionSorted(c: Float64Array, ids: readonly FactorId[]): FactorReason[] {
  const n = ids.length;
  const sizes = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const size = sizeOf(c, i);
    let j = i - 1;
    while (j >= 0 && sizes[j]! < size) {
      sizes[j + 1] = sizes[j]!;
      order[j + 1] = order[j]!;
      j--;
    }
    sizes[j + 1] = size;
    order[j + 1] = i;
  }
  const reasons: FactorReason[] = [];
  for (let k = 0; k < n; k++) reasons.push(reasonOf(ids, c, order[k]!));
  return reasons;
}
