import { issuesFromZod, neverThrowing, type Validated, type ValidationIssue } from '@gpufit/schema';
import { z } from 'zod';
import { defaultFramework } from './defaultFramework.js';
import { type FrameworkConfig, frameworkConfigSchema, frameworkConfigShape } from './frameworkConfig.js';

/** Every setting optional at every depth; a list (approach rules, requirements) is replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What a caller may pass as `assessFit(profile, { framework })`: any subset of the framework config. */
export type FrameworkOverride = DeepPartial<FrameworkConfig>;

/** A framework config with the overrides that made it. */
export interface ResolvedFramework {
  /** The override as validated (trimmed, typed): pass it as `assessFit(p, { framework: override })`. */
  readonly override: FrameworkOverride;
  readonly config: FrameworkConfig;
  /** Dotted paths of the settings the override set, sorted, e.g. `factors.uptime.weight`. */
  readonly overrides: readonly string[];
}

/** An invalid framework override: `issues` are data (code, path into the framework, message). */
export class FrameworkOverrideError extends Error {
  override readonly name = 'FrameworkOverrideError';
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    super(
      `invalid framework override: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

function deepPartial(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(schema.shape as Record<string, z.ZodType>))
      shape[k] = deepPartial(v).optional();
    return z.strictObject(shape);
  }
  return schema;
}

const overrideSchema = deepPartial(frameworkConfigShape);

/** Every key name in the framework, so a misspelt override key gets a "did you mean". */
const KNOWN_KEYS = [...collectKeys(defaultFramework, new Set<string>())];

function collectKeys(value: unknown, into: Set<string>): Set<string> {
  if (isPlainObject(value))
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      collectKeys(v, into);
    }
  return into;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `base` with `patch` laid over it; records the dotted path of every leaf the patch sets. */
function merge(base: unknown, patch: unknown, path: string, paths: string[]): unknown {
  if (!isPlainObject(patch) || !isPlainObject(base)) {
    paths.push(path);
    return patch;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    out[k] = merge(base[k], v, path === '' ? k : `${path}.${k}`, paths);
  }
  return out;
}

/**
 * Validate a framework override (e.g. a scenario's `framework` field, any JSON) against the default (unknown keys, types, ranges, then the merged
 * config's cross-field rules) without throwing. Issue paths point into the framework config.
 */
export const validateFrameworkOverride: (override: unknown) => Validated<ResolvedFramework> =
  neverThrowing(validateOverride);

function validateOverride(override: unknown): Validated<ResolvedFramework> {
  const parsed = overrideSchema.safeParse(override);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, KNOWN_KEYS) };
  const paths: string[] = [];
  const merged = merge(defaultFramework, parsed.data, '', paths);
  const full = frameworkConfigSchema.safeParse(merged);
  if (!full.success) return { ok: false, issues: issuesFromZod(full.error, KNOWN_KEYS) };
  // The deep-partial schema is built from the config's own shape, so what it accepts is a FrameworkOverride.
  const validOverride = parsed.data as FrameworkOverride;
  return { ok: true, value: { override: validOverride, config: full.data, overrides: paths.sort() } };
}

/** Like `validateFrameworkOverride`, but throws `FrameworkOverrideError` on invalid input. */
export function resolveFramework(override?: FrameworkOverride): ResolvedFramework {
  if (override === undefined) return { override: {}, config: defaultFramework, overrides: [] };
  const r = validateFrameworkOverride(override);
  if (!r.ok) throw new FrameworkOverrideError(r.issues);
  return r.value;
}
