import type { Validated, ValidationIssue } from './issues.js';

/** How deep `unreadableIssue` looks for the property that could not be read. */
const MAX_DEPTH = 32;

function reason(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an error that cannot be shown';
  }
}

/**
 * The first place (depth first) where merely reading `value` throws: a getter that throws, a Proxy whose trap
 * throws, a revoked Proxy. Null when every own property reads.
 */
function findThrow(
  value: unknown,
  path: (string | number)[],
  seen: Set<object>,
): { path: (string | number)[]; error: unknown } | null {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return null;
  if (seen.has(value) || path.length > MAX_DEPTH) return null;
  seen.add(value);
  try {
    // What a validator asks of an object besides its properties (a Proxy can trap each).
    const isArray = Array.isArray(value);
    Object.getPrototypeOf(value);
    Object.isExtensible(value);
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === 'symbol') continue;
      const k = isArray && /^\d+$/.test(key) ? Number(key) : key;
      let item: unknown;
      try {
        Reflect.getOwnPropertyDescriptor(value, key);
        Reflect.has(value, key);
        item = Reflect.get(value, key);
      } catch (error) {
        return { path: [...path, k], error };
      }
      const inner = findThrow(item, [...path, k], seen);
      if (inner !== null) return inner;
    }
  } catch (error) {
    return { path, error };
  }
  return null;
}

/**
 * The issue for an input that threw while being validated (a hostile or broken object: a throwing getter, a
 * Proxy trap, a revoked Proxy), naming the property that could not be read; `internal_error` when none is found.
 */
export function unreadableIssue(input: unknown, error: unknown): ValidationIssue {
  const found = findThrow(input, [], new Set());
  if (found === null) {
    // Every property reads: the validator itself failed. Still data, not an exception, but named as a bug.
    return {
      code: 'internal_error',
      path: [],
      message: `validation failed unexpectedly (${reason(error)}); this is a bug in gpufit, please report it`,
    };
  }
  const where = found.path.length === 0 ? '' : ` at ${found.path.join('.')}`;
  return {
    code: 'unreadable',
    path: found.path,
    message: `the input could not be read${where} (${reason(found.error)}); pass plain data, e.g. parsed JSON`,
  };
}

/**
 * `validate` made total: an input that throws while it is read becomes a failed result with an `unreadable`
 * issue instead of an exception, so a validator documented as never throwing keeps its word.
 */
export function neverThrowing<A extends unknown[], T>(
  validate: (...args: A) => Validated<T>,
): (...args: A) => Validated<T> {
  return (...args) => {
    try {
      return validate(...args);
    } catch (error) {
      return { ok: false, issues: [unreadableIssue(args.length === 1 ? args[0] : args, error)] };
    }
  };
}
