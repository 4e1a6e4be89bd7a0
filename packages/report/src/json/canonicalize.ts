/**
 * Deep copy with object keys in code-unit order (the key order of RFC 8785, JSON Canonicalization Scheme),
 * so the same data serializes to the same bytes however its producer built the objects. Arrays keep their
 * order; `undefined` members are dropped as JSON.stringify drops them.
 */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      // A `__proto__` key (a name from input) must stay a key; assigning it would set the prototype instead.
      if (key === '__proto__')
        Object.defineProperty(out, key, {
          value: canonicalize(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[key] = canonicalize(item);
    }
    return out;
  }
  return value;
}
