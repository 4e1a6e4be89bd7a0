import { spec } from './gpu';
import type { Draft } from './offer';

/**
 * Drafts whose source gives no GPU memory (spot-by-zone.csv has no memory column) take the per-GPU memory another
 * input states for the same provider and instance type (the catalogs' GpuInfo, e.g. 179.06 GiB for p6-b200), else
 * the tier's spec-sheet value; the row says which. Inputs are not mutated.
 */
export function fillGpuMemory(drafts: readonly Draft[]): Draft[] {
  const stated = new Map<string, { gib: number; from: string }>();
  const key = (d: Draft) => `${d.provider}|${d.instanceType}|${d.gpu}`;
  for (const d of [...drafts].sort((a, b) =>
    a.origin.file < b.origin.file ? -1 : a.origin.file > b.origin.file ? 1 : a.origin.row - b.origin.row,
  ))
    if (d.gpuMemoryGiB !== undefined && !stated.has(key(d)))
      stated.set(key(d), { gib: d.gpuMemoryGiB, from: d.origin.file });
  return drafts.map((d) => {
    if (d.gpuMemoryGiB !== undefined) return d;
    const s = stated.get(key(d));
    if (s)
      return {
        ...d,
        gpuMemoryGiB: s.gib,
        notes: [
          ...d.notes,
          `gpu memory ${s.gib} GiB as ${s.from} states it for the same instance type (not in this source)`,
        ],
      };
    const gib = spec(d.gpu).memoryGiB;
    return {
      ...d,
      gpuMemoryGiB: gib,
      notes: [...d.notes, `gpu memory not stated in the source; tier value ${gib} used`],
    };
  });
}
