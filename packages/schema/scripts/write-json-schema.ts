// Regenerates packages/schema/json-schema/*.json from the zod schemas: `pnpm schema:json`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '@gpufit/schema';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote json-schema/${name}.schema.json`);
}
