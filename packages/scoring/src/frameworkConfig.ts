import {
  APPROACHES,
  type Approach,
  COMPLIANCE_REQUIREMENTS,
  DATA_SENSITIVITIES,
  FIT_LEVELS,
  INTERCONNECTS,
  WORKLOAD_KINDS,
  type WorkloadKind,
} from '@gpufit/schema';
import { z } from 'zod';
import type { FactorId } from './factorIds.js';
import { factors } from './factorRegistry.js';

/** A signal on the −1..1 scale every factor uses; the weight turns it into points. */
const signal = z.number().finite().min(-1).max(1);
const points = z.number().finite().min(0).max(100);

const sideFit = z.strictObject({ cloud: signal, depin: signal });

const kindsShape = Object.fromEntries(WORKLOAD_KINDS.map((k) => [k, sideFit])) as {
  [K in WorkloadKind]: typeof sideFit;
};

function factorEntry(params: Readonly<Record<string, number>>) {
  const paramsShape = Object.fromEntries(Object.keys(params).map((k) => [k, z.number().finite()]));
  return z.strictObject({
    weight: points,
    params: z.strictObject(paramsShape as Record<string, z.ZodNumber>),
  });
}
type FactorEntrySchema = ReturnType<typeof factorEntry>;

const factorsShape = Object.fromEntries(factors.map((f) => [f.id, factorEntry(f.params)])) as {
  [K in FactorId]: FactorEntrySchema;
};

const approach = z.enum(APPROACHES);
const level = z.enum(FIT_LEVELS);

const approachRule = z.strictObject({
  /** The approach this rule grants. */
  approach,
  /** Least DePIN score minus cloud score (points) for the rule to pass. */
  minLean: z.number().finite().min(-100).max(100),
  /** Least DePIN fit level for the rule to pass. */
  minDepinLevel: level,
});

const constraintToggle = { enabled: z.boolean(), partial: z.boolean() };

/** The shape of the framework config, without cross-field rules (those are in `frameworkConfigSchema`). */
export const frameworkConfigShape = z.strictObject({
  /** Calendar-style version `YYYY.MM.patch`, shown in every report. */
  version: z.string().trim().min(1).max(64),
  /** Where both scores start before any factor. */
  base: z.strictObject({ cloud: points, depin: points }),
  /** Level thresholds: score ≥ high → high; ≥ medium → medium; else low. */
  levels: z.strictObject({ high: points, medium: points }),
  /** Each workload kind's base fit signal, read by the `workload-kind` factor. */
  kinds: z.strictObject(kindsShape),
  factors: z.strictObject(factorsShape),
  /**
   * The approach is the most DePIN-leaning rule that passes, else `traditional-cloud`; then capped by hard
   * constraints. Every rule is "lean ≥ x and DePIN level ≥ y", so any rule set is monotone.
   */
  approach: z.strictObject({ rules: z.array(approachRule).max(32) }),
  constraints: z.strictObject({
    /** The most DePIN-leaning approach allowed when a constraint covers all, or part, of a workload. */
    caps: z.strictObject({ all: approach, part: approach }),
    /** A constraint that allows it covers only part of a workload of these patterns with stateless requests and data no more sensitive than this. */
    partialScope: z.strictObject({
      patterns: z.array(z.enum(['serving', 'batch'])),
      maxDataSensitivity: z.enum(DATA_SENSITIVITIES),
    }),
    'regulated-data': z.strictObject({ ...constraintToggle, minDataSensitivity: z.enum(DATA_SENSITIVITIES) }),
    certifications: z.strictObject({
      ...constraintToggle,
      requirements: z.array(z.enum(COMPLIANCE_REQUIREMENTS)),
    }),
    residency: z.strictObject(constraintToggle),
    interconnect: z.strictObject({ ...constraintToggle, minInterconnect: z.enum(INTERCONNECTS) }),
  }),
});

export type FrameworkConfig = z.output<typeof frameworkConfigShape>;

/** The framework config with its cross-field rules: ordered thresholds, caps and factor params. */
export const frameworkConfigSchema = frameworkConfigShape.superRefine((c, ctx) => {
  if (!(c.levels.medium < c.levels.high))
    ctx.addIssue({
      code: 'custom',
      path: ['levels', 'medium'],
      message: `levels.medium (${c.levels.medium}) must be below levels.high (${c.levels.high})`,
    });
  if (approachIndex(c.constraints.caps.part) < approachIndex(c.constraints.caps.all))
    ctx.addIssue({
      code: 'custom',
      path: ['constraints', 'caps', 'part'],
      message: 'constraints.caps.part must be at least as DePIN-leaning as constraints.caps.all',
    });
  for (const f of factors) {
    const problem = f.checkParams(c.factors[f.id].params);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['factors', f.id, 'params', problem.param],
        message: `factors.${f.id}.params: ${problem.message}`,
      });
  }
});

function approachIndex(a: Approach): number {
  return APPROACHES.indexOf(a);
}
