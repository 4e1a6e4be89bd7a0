import { z } from 'zod';
import { offerInputSchema } from './offer.js';
import { analysisResultSchema } from './resultSchemas.js';
import { scenarioInputSchema } from './scenario.js';
import { workloadProfileInputSchema } from './workloadProfile.js';

/**
 * JSON Schema (draft 2020-12) of what a user writes (the input side of each schema, before defaults) and of
 * what `gpufit analyze` writes (`analysis-result`: report.json, any 2.x version).
 * `packages/schema/json-schema/*.json` are generated from these and a test keeps them in sync.
 */
export function jsonSchemas(): Record<
  'workload-profile' | 'offer' | 'scenario' | 'analysis-result',
  unknown
> {
  const opts = { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' } as const;
  return {
    'workload-profile': z.toJSONSchema(workloadProfileInputSchema, opts),
    offer: z.toJSONSchema(offerInputSchema, opts),
    scenario: z.toJSONSchema(scenarioInputSchema, opts),
    'analysis-result': z.toJSONSchema(analysisResultSchema, { ...opts, io: 'output' }),
  };
}
