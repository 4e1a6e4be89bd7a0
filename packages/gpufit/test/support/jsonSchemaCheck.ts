/**
 * A small JSON Schema (draft 2020-12) checker for the keywords the generated result schema uses (no validator
 * package is installed). A keyword it does not know throws, so a schema it cannot judge never passes unread.
 * Returns the JSON paths that fail, empty when `value` matches.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'anyOf',
  'pattern',
  'minimum',
  'maximum',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function jsonSchemaErrors(schema: Schema, value: unknown, path = '$'): string[] {
  for (const k of Object.keys(schema))
    if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
  const errors: string[] = [];
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = [schema.type].flat() as string[];
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer')))
      return [`${path}: ${t}, not ${types}`];
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: not in enum`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: not ${String(schema.const)}`);
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum)
    errors.push(`${path}: under ${schema.minimum}`);
  if (typeof value === 'number' && typeof schema.maximum === 'number' && value > schema.maximum)
    errors.push(`${path}: over ${schema.maximum}`);
  if (
    typeof schema.pattern === 'string' &&
    typeof value === 'string' &&
    !new RegExp(schema.pattern, 'u').test(value)
  )
    errors.push(`${path}: does not match ${schema.pattern}`);
  if (schema.anyOf !== undefined) {
    const branches = (schema.anyOf as Schema[]).map((s) => jsonSchemaErrors(s, value, path));
    if (!branches.some((b) => b.length === 0)) errors.push(...branches.flat());
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[])
      if (!(r in obj)) errors.push(`${path}.${r}: missing`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k] !== undefined) errors.push(...jsonSchemaErrors(props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${k}: not allowed`);
    }
  }
  if (t === 'array') {
    const arr = value as unknown[];
    if (typeof schema.minItems === 'number' && arr.length < schema.minItems)
      errors.push(`${path}: too short`);
    if (typeof schema.maxItems === 'number' && arr.length > schema.maxItems) errors.push(`${path}: too long`);
    const prefix = (schema.prefixItems ?? []) as Schema[];
    arr.forEach((v, i) => {
      const s = prefix[i] ?? (schema.items as Schema | undefined);
      if (s !== undefined) errors.push(...jsonSchemaErrors(s, v, `${path}[${i}]`));
    });
  }
  return errors;
}
