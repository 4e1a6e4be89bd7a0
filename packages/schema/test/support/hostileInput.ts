// Objects that fight back when read: a property getter that throws, a Proxy whose traps throw, a revoked Proxy.
// Any value a library caller can hand a validator documented as never throwing; shared by the schema and scoring
// tests.
import fc from 'fast-check';

const TRAPS = [
  'get',
  'has',
  'ownKeys',
  'getOwnPropertyDescriptor',
  'getPrototypeOf',
  'isExtensible',
  'defineProperty',
  'set',
] as const;

/** What a hostile object throws: an Error, a bare string, or an Error whose `message` itself throws. */
export type Thrown = 'error' | 'string' | 'hostile-error';

function thrownValue(kind: Thrown): unknown {
  if (kind === 'string') return 'not an Error';
  const e = new Error('trap sprung');
  if (kind === 'hostile-error') {
    Object.defineProperty(e, 'message', {
      get() {
        throw new Error('message getter');
      },
    });
  }
  return e;
}

export type HostileKind = 'getter' | 'proxy' | 'revoked';

/**
 * A hostile value described as plain data (fast-check prints a counterexample by reading it, which a hostile
 * object would not survive); `makeHostile` builds it inside the property.
 */
export interface HostileSpec {
  readonly kind: HostileKind;
  readonly field: string;
  readonly trap: (typeof TRAPS)[number];
  readonly array: boolean;
  readonly thrown: Thrown;
  /** Placed under `at` of a plain object instead of at the top. */
  readonly nested: boolean;
  readonly at: string;
}

export function hostileSpec(fields: readonly string[]): fc.Arbitrary<HostileSpec> {
  return fc.record({
    kind: fc.constantFrom<HostileKind>('getter', 'proxy', 'revoked'),
    field: fc.constantFrom(...fields),
    trap: fc.constantFrom(...TRAPS),
    array: fc.boolean(),
    thrown: fc.constantFrom<Thrown>('error', 'string', 'hostile-error'),
    nested: fc.boolean(),
    at: fc.constantFrom(...fields),
  });
}

function hostileAlone(s: HostileSpec): unknown {
  const target: object = s.array ? [] : { [s.field]: 1 };
  if (s.kind === 'getter') {
    return Object.defineProperty({}, s.field, {
      enumerable: true,
      get() {
        throw thrownValue(s.thrown);
      },
    });
  }
  if (s.kind === 'proxy') {
    return new Proxy(target, {
      [s.trap]: () => {
        throw thrownValue(s.thrown);
      },
    });
  }
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** The value a spec describes, made fresh. */
export function makeHostile(s: HostileSpec): unknown {
  const value = hostileAlone(s);
  return s.nested ? { [s.at]: value } : value;
}

/** Where the `unreadable` issue must point for a getter or a revoked Proxy. */
export function unreadablePath(s: HostileSpec): string[] {
  return [...(s.nested ? [s.at] : []), ...(s.kind === 'getter' ? [s.field] : [])];
}
