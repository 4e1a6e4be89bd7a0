/**
 * Replaces every string in `value` (its own objects and arrays, depth first) by the first equal string `pool`
 * has seen, so equal sentences, month labels and ids of many workloads are one string in memory: an analysis
 * held whole for its reports (10,000 workloads: ≈ 160 MB) repeats most of its 120 strings a workload across
 * workloads. Values are unchanged (the same characters); frozen objects and typed arrays are left as they are.
 */
export function internStrings(value: unknown, pool: Map<string, string>): void {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Object.isFrozen(value))
    return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') {
      const seen = pool.get(v);
      if (seen === undefined) pool.set(v, v);
      else record[key] = seen;
    } else if (v !== null && typeof v === 'object') internStrings(v, pool);
  }
}
