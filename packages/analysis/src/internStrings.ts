/**
 * Replaces every string in `value` (its own objects and arrays, depth first) by the first equal string `pool`
 * has seen, so equal sentences, month labels and ids of many workloads are one string in memory: an analysis
 * held whole for its reports (10,000 workloads: ≈ 160 MB) repeats most of its 120 strings a workload across
 * workloads. Values are unchanged (the same characters); frozen objects and typed arrays are left as they are.
 *
 * With `leaves`, equal leaf objects are shared the same way (`leafKey`): a plain object whose values are all
 * primitives, one of them a string, met outside a `months` list — a fit reason, a cost line, a cited offer, a
 * risk's stake. 1,000 generated workloads hold ≈ 37 such objects each, 69 % of them equal to one held already
 * (a fit reason 9 times in 10), and the month rows and percentiles left out are nearly all distinct. `leaves` maps
 * a hash of each leaf's key to the leaf (or the leaves that share it): keys held as strings cost more than the
 * objects they shared. The held result is read-only, so a shared object is never written.
 */
export function internStrings(
  value: unknown,
  pool: Map<string, string>,
  leaves?: Map<number, object | object[]>,
  inMonths = false,
): void {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Object.isFrozen(value))
    return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') {
      const seen = pool.get(v);
      if (seen === undefined) pool.set(v, v);
      else record[key] = seen;
    } else if (v !== null && typeof v === 'object') {
      const months = inMonths || key === 'months';
      internStrings(v, pool, leaves, months);
      if (leaves === undefined || months) continue;
      const k = leafKey(v);
      if (k === null) continue;
      const h = hash(k);
      const held = leaves.get(h);
      if (held === undefined) {
        leaves.set(h, v);
        continue;
      }
      // One leaf under this hash, or (a leaf is never an array) the list of those that share it.
      const bucket: object[] = Array.isArray(held) ? held : [held];
      const shared = bucket.find((b) => sameLeaf(b, v));
      if (shared !== undefined) record[key] = shared;
      else if (bucket.push(v) === 2) leaves.set(h, bucket);
    }
  }
}

/** FNV-1a of the key's UTF-16 units: the pool holds a number for each leaf, not its key (as long as the leaf). */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Whether two leaves (`leafKey` not null) have the same keys in the same order and the same values (`Object.is`). */
function sameLeaf(a: object, b: object): boolean {
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

/**
 * A key equal for two objects exactly when they have the same own keys in the same order with the same values
 * (`Object.is`: 0 and −0 differ, `undefined` is a value) — so either one serialises as the other — or null when
 * the object is not a leaf: an array, frozen, a class instance, a value that is an object, or no string value.
 */
export function leafKey(value: object): string | null {
  if (Array.isArray(value) || Object.isFrozen(value)) return null;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  let key = proto === null ? 'n' : 'o';
  let text = false;
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    key += `${k.length}:${k}`;
    if (typeof v === 'string') {
      text = true;
      key += `s${v.length}:${v}`;
    } else if (typeof v === 'number') key += `d${Object.is(v, -0) ? '-0' : String(v)};`;
    else if (typeof v === 'boolean') key += v ? 't' : 'f';
    else if (v === null) key += 'z';
    else if (v === undefined) key += 'u';
    else return null;
  }
  return text ? key : null;
}
