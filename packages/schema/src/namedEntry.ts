/**
 * The entry of a record keyed by names users write (a scenario's `subsidies` and `tokenPrices`), ignoring case
 * and by own keys only: a network called `constructor` or `toString` is a name like any other, never a member of
 * Object.prototype. A key spelled exactly as `name` wins over one that differs only in case.
 */
export function namedEntry<T>(
  record: Readonly<Record<string, T>>,
  name: string,
): { readonly key: string; readonly value: T } | undefined {
  if (Object.hasOwn(record, name)) return { key: name, value: record[name] as T };
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === lower) return { key, value: record[key] as T };
  }
  return undefined;
}
