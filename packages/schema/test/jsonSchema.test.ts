import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, WORKLOAD_PROFILE_FIELDS } from '../src/index.js';

const dir = join(import.meta.dirname, '..', 'json-schema');

describe('JSON Schema files', () => {
  it.each(Object.entries(jsonSchemas()))(
    '%s.schema.json is in sync with the zod schema (run pnpm run schema:json)',
    (name, schema) => {
      const onDisk = JSON.parse(readFileSync(join(dir, `${name}.schema.json`), 'utf8'));
      expect(onDisk).toEqual(JSON.parse(JSON.stringify(schema)));
    },
  );

  it('publishes every contract field of the workload profile', () => {
    const schema = jsonSchemas()['workload-profile'] as {
      properties: Record<string, unknown>;
      required: string[];
    };
    for (const f of WORKLOAD_PROFILE_FIELDS) expect(schema.properties).toHaveProperty(f);
    expect(schema.required.sort()).toEqual(['id', 'kind']);
  });
});
