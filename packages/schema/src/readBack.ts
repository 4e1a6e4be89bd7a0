/**
 * Reading a normalized value back (issue 17, "the schema accepts every profile it produces"). The normalized
 * forms write `null` for an unset optional field, where the input side has the field absent; these helpers
 * turn a normalized value into the input it stands for, so `schema.parse(schema.parse(x))` equals
 * `schema.parse(x)`. They never mutate their argument and never throw.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `value` without its `keys` (or, with `'all'`, any key) whose value is `null`, and without `drop`;
 * other values as they are.
 */
export function withoutNulls(
  value: unknown,
  keys: readonly string[] | 'all',
  drop: readonly string[] = [],
): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (drop.includes(k) || (v === null && (keys === 'all' || keys.includes(k)))) continue;
    // defineProperty: an own `__proto__` key stays an own key (the strict schema then names it).
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The `assumed` list of a normalized value when it is one (an array of names, each in `known`), else null:
 * a list that is not well-formed stays in the value, so the strict input schema names it.
 */
export function assumedList(value: unknown, known: readonly string[]): readonly string[] | null {
  if (!isRecord(value) || !Object.hasOwn(value, 'assumed')) return null;
  const list = value.assumed;
  if (!Array.isArray(list)) return null;
  return list.every((f) => typeof f === 'string' && known.includes(f)) ? (list as string[]) : null;
}

/** `value`'s own `key` when `value` is an object, else undefined. */
export function ownField(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}
