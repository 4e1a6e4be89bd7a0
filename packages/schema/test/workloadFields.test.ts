import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WORKLOAD_FIELDS,
  WORKLOAD_KINDS,
  WORKLOAD_PROFILE_EXTRA_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadField,
  workloadKinds,
  workloadProfileInputSchema,
  workloadProfileSchema,
} from '../src/index.js';

const FIELDS = Object.keys(WORKLOAD_FIELDS) as WorkloadField[];
const base = { id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 10 } as const;
/**
 * A stated output volume needs its unit (a rule across fields), so outputPerMonth is tried with one; a training
 * method is tried on a training kind (inference kinds refuse it).
 */
const accepts = (field: string, value: unknown) =>
  workloadProfileInputSchema.safeParse({
    ...base,
    ...(field === 'outputPerMonth' && { outputUnit: 'tokens' }),
    ...(field === 'trainingMethod' && { kind: 'fine-tuning' }),
    [field]: value,
  }).success;

describe('WORKLOAD_FIELDS: the field table the workload schema is built from', () => {
  it('lists every schema field, in contract order', () => {
    expect(FIELDS).toEqual([...WORKLOAD_PROFILE_FIELDS, ...WORKLOAD_PROFILE_EXTRA_FIELDS]);
    expect(FIELDS.slice().sort()).toEqual(Object.keys(workloadProfileInputSchema.shape).sort());
  });

  it('the schema takes exactly the bounds of each number field', () => {
    for (const f of FIELDS) {
      const spec = WORKLOAD_FIELDS[f];
      if (spec.type !== 'number') continue;
      const step = spec.integer ? 1 : Math.max(Math.abs(spec.max), 1) * 1e-9;
      const below = spec.integer ? spec.min - 1 : spec.min - Math.max(Math.abs(spec.min), 1e-6) * 1e-3;
      expect(accepts(f, spec.min), `${f} min`).toBe(true);
      expect(accepts(f, below), `${f} below min`).toBe(false);
      expect(accepts(f, spec.max), `${f} max`).toBe(!spec.maxExclusive);
      expect(accepts(f, spec.max + step), `${f} above max`).toBe(false);
      if (spec.integer) expect(accepts(f, spec.min + 0.5), `${f} whole`).toBe(false);
    }
  });

  it('the schema takes exactly the vocabulary of each enum and list field, and the length of each text', () => {
    for (const f of FIELDS) {
      const spec = WORKLOAD_FIELDS[f];
      if (spec.type === 'enum' && f !== 'kind') {
        for (const v of spec.values) expect(accepts(f, v), `${f} ${v}`).toBe(true);
        expect(accepts(f, `${spec.values[0]}x`)).toBe(false);
      }
      if (spec.type === 'list' && spec.item === 'enum') {
        expect(accepts(f, [...spec.values])).toBe(true);
        expect(accepts(f, [`${spec.values[0]}x`])).toBe(false);
      }
      if (spec.type === 'text' && f !== 'id') {
        expect(accepts(f, 'a'.repeat(spec.maxLength)), f).toBe(true);
        expect(accepts(f, 'a'.repeat(spec.maxLength + 1)), f).toBe(false);
      }
    }
  });

  it('an absent field gets the default the table states, for every kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORKLOAD_KINDS), (kind) => {
        const p = workloadProfileSchema.parse({ id: 'w', kind, gpuHoursPerMonth: 10 }) as Record<
          string,
          unknown
        >;
        const own = workloadKinds[kind].defaults as unknown as Record<string, unknown>;
        for (const f of FIELDS) {
          const spec = WORKLOAD_FIELDS[f];
          if (spec.type === 'list') expect(p[f], f).toEqual([]);
          else if (spec.default === 'kind') expect(p[f], f).toBe(own[f]);
          else if (spec.default === 'id') expect(p[f], f).toBe('w');
          else if (spec.default !== 'required' && f !== 'gpuHoursPerMonth')
            expect(p[f], f).toBe(spec.default);
        }
      }),
    );
  });
});
