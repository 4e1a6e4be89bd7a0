import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ADJUSTED_USD_PER_GPU_HOUR } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { FACTORY_NAMES } from '../src/formula/formulaGrammar.js';
import type { FormulaErrorCode } from '../src/index.js';
import {
  ADJUSTED_PRICE_RANGE,
  compileFormula,
  compileFormulaWith,
  compilePriceAdjustments,
  FormulaError,
  loadFormulaEngine,
} from '../src/index.js';
import { offer } from './support/builders.js';

async function refusal(
  expression: string,
  variables: readonly string[] = ['t', 's0'],
): Promise<FormulaError> {
  try {
    await compileFormula(expression, variables);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`expected ${expression} to be refused`);
}

describe('compileFormula: compiled once, evaluated in a numeric scope', () => {
  it.each([
    ['s0 * exp(-t / 6)', { t: 6, s0: 0.4 }, 0.4 * Math.exp(-1)],
    ['max(0, s0 - 0.05 * t)', { t: 10, s0: 0.4 }, 0],
    ['t < 12 ? s0 : s0 / 2', { t: 12, s0: 0.4 }, 0.2],
    ['2t + 1', { t: 3, s0: 0 }, 7],
    ['s0 * 0.5 ^ (t / 19.3)', { t: 19.3, s0: 0.3 }, 0.15],
    ['round(pi * 100) / 100 + e - e', { t: 0, s0: 0 }, 3.14],
    ['t >= 3 and t <= 5 ? 1 : 0', { t: 4, s0: 0 }, 1],
  ])('%s with %j → %f', async (expression, scope, expected) => {
    const f = await compileFormula(expression, ['t', 's0']);
    expect(f(scope)).toBeCloseTo(expected, 12);
  });

  it('returns a function that can be called many times with the same result for the same scope', async () => {
    const f = await compileFormula('s0 * exp(-t / 6)', ['t', 's0']);
    const values = Array.from({ length: 120 }, (_, t) => f({ t, s0: 0.3 }));
    expect(values[0]).toBe(0.3);
    expect(values.every((v, i) => i === 0 || v < (values[i - 1] ?? 0))).toBe(true);
  });

  it.each([
    ['1 / t', { t: 0 }, /Infinity/],
    ['log(t)', { t: 0 }, /Infinity/],
    ['sqrt(t)', { t: -1 }, /Complex/],
    ['t > 1', { t: 0 }, /false/],
  ])('%s with %j is not a finite number: a typed error', async (expression, scope, detail) => {
    const f = await compileFormula(expression, ['t']);
    expect(() => f(scope)).toThrow(detail);
    expect(() => f(scope)).toThrow(expect.objectContaining({ name: 'FormulaError', code: 'not-finite' }));
  });

  it('throws when a variable is missing or not finite', async () => {
    const f = await compileFormula('t + s0', ['t', 's0']);
    expect(() => f({ t: 1 })).toThrow(/without a value/);
    expect(() => f({ t: 1, s0: Number.NaN })).toThrow(FormulaError);
  });

  it('cannot be reached through an inherited scope property', async () => {
    const f = await compileFormula('t', ['t']);
    const scope = Object.create({ t: 5 }) as Record<string, number>;
    expect(() => f(scope)).toThrow(/without a value/);
  });

  it('compileFormulaWith is the synchronous form once the engine is loaded', async () => {
    const engine = await loadFormulaEngine();
    expect(compileFormulaWith(engine, 't * 2', ['t'])({ t: 4 })).toBe(8);
    expect(await loadFormulaEngine()).toBe(engine);
  });
});

describe('compileFormula refuses escapes and abuse with a clear message', () => {
  it.each<[string, FormulaErrorCode, RegExp]>([
    ['a.constructor', 'node-not-allowed', /AccessorNode/],
    ['t.constructor', 'node-not-allowed', /syntax that is not allowed/],
    ['t["constructor"]', 'node-not-allowed', /AccessorNode/],
    ['import({}, {})', 'function-not-allowed', /function that is not allowed \(import/],
    ["createUnit('x')", 'function-not-allowed', /createUnit/],
    ["evaluate('1')", 'function-not-allowed', /evaluate/],
    ["parse('1')", 'function-not-allowed', /parse/],
    ['config({})', 'function-not-allowed', /config/],
    ['simplify(t)', 'function-not-allowed', /simplify/],
    ['cos(t)', 'function-not-allowed', /cos/],
    ['"abc"', 'string', /contains text/],
    ["'abc' + t", 'string', /contains text/],
    ['x + 1', 'unknown-symbol', /variable that is not allowed \(x; allowed: t, s0\)/],
    ['t = 3', 'node-not-allowed', /AssignmentNode/],
    ['f(x) = x', 'node-not-allowed', /FunctionAssignmentNode/],
    ['{a: 1}', 'node-not-allowed', /ObjectNode/],
    ['[1, 2]', 'node-not-allowed', /ArrayNode/],
    ['1; 2', 'node-not-allowed', /BlockNode/],
    ['1:3', 'node-not-allowed', /RangeNode/],
    ["t'", 'node-not-allowed', /operator/],
    ['t(1)', 'function-not-allowed', /t/],
    ['true ? 1 : 0', 'node-not-allowed', /constant true/],
    ['1e400', 'node-not-allowed', /constant Infinity/],
    ['5 cm', 'unknown-symbol', /cm/],
    ['t +', 'syntax', /could not be read/],
    ['', 'empty', /empty/],
  ])('%s → %s', async (expression, code, message) => {
    const error = await refusal(expression);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a formula longer than 500 characters', async () => {
    const error = await refusal(`${'1 + '.repeat(125)}1`);
    expect(error.code).toBe('too-long');
    expect(error.message).toMatch(/longer than 500 characters/);
  });

  it('refuses deeply nested or very large expressions', async () => {
    expect((await refusal(`${'('.repeat(40)}t${')'.repeat(40)}`)).code).toBe('too-complex');
    expect((await refusal(`${'-'.repeat(100)}t`)).code).toBe('too-complex');
    expect((await refusal(Array.from({ length: 120 }, () => 't').join('+'))).code).toBe('too-complex');
  });

  it('has disabled the dangerous functions on the instance itself', async () => {
    // Even a tree that slipped past the walker could not call them: the instance's versions throw.
    const engine = await loadFormulaEngine();
    const node = engine.parse('import({}, {})');
    expect(() => node.compile().evaluate({})).toThrow(/disabled/);
  });
});

describe('compilePriceAdjustments', () => {
  it('applies matching adjustments in order to the list price, with t = the month', async () => {
    const adjust = await compilePriceAdjustments([
      { market: 'depin', expression: 'price * (1 + 0.02 * t)' },
      { provider: 'Akash', expression: 'max(price, 1.8)' },
      { market: 'hyperscaler', expression: 'price * 0.5' },
    ]);
    const akash = offer({ provider: 'akash', market: 'depin', usdPerGpuHour: 1.71 });
    expect(adjust(akash, 1.71, 0)).toBe(1.8);
    expect(adjust(akash, 1.71, 10)).toBeCloseTo(1.71 * 1.2, 12);
    expect(adjust(offer(), 2, 3)).toBe(2);
  });
});

describe('formulas that fail only when evaluated: always a FormulaError, never a mathjs error', () => {
  it.each<[string, Record<string, number>, FormulaErrorCode, RegExp]>([
    ['max()', { t: 0 }, 'evaluation', /Too few arguments in function max/],
    ['min()', { t: 0 }, 'evaluation', /Too few arguments in function min/],
    ['sqrt()', { t: 0 }, 'evaluation', /Too few arguments in function sqrt/],
    ['round(t, 1000)', { t: 1 }, 'evaluation', /decimals in function round/],
    ['round(t, 0.5)', { t: 1 }, 'evaluation', /decimals in function round/],
    ['ceil(t, 1000)', { t: 1 }, 'evaluation', /decimals in ceil/],
    ['floor(t, -1)', { t: 1 }, 'evaluation', /decimals/],
    ['abs(t, t)', { t: 1 }, 'evaluation', /Too many arguments/],
    ['pow(t)', { t: 2 }, 'evaluation', /Too few arguments/],
    ['t ^ 1e6', { t: 2 }, 'not-finite', /Infinity/],
    ['0 / 0', { t: 0 }, 'not-finite', /NaN/],
  ])('%s with %j → %s', async (expression, scope, code, detail) => {
    const f = await compileFormula(expression, ['t']);
    expect(() => f(scope)).toThrow(expect.objectContaining({ name: 'FormulaError', code }));
    expect(() => f(scope)).toThrow(detail);
  });

  it.each<[unknown, RegExp]>([
    [null, /got null/],
    [undefined, /got a undefined/],
    [42, /got a number/],
    [['t'], /got an object/],
    [{ toString: () => 't' }, /got an object/],
  ])(
    'compileFormula(%j) is refused with a FormulaError (not-text), not a TypeError',
    async (input, detail) => {
      const attempt = compileFormula(input as string, ['t']);
      await expect(attempt).rejects.toThrow(FormulaError);
      await expect(compileFormula(input as string, ['t'])).rejects.toMatchObject({ code: 'not-text' });
      await expect(compileFormula(input as string, ['t'])).rejects.toThrow(detail);
      const engine = await loadFormulaEngine();
      expect(() => compileFormulaWith(engine, input as string, ['t'])).toThrow(FormulaError);
    },
  );

  it('a Proxy as the formula, live or revoked, is refused as not text without touching it', async () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const input of [Proxy.revocable({}, {}).proxy, revoked.proxy]) {
      await expect(compileFormula(input as never, ['t'])).rejects.toMatchObject({ code: 'not-text' });
    }
  });

  it('refuses allowed variables that are not a list of names with a FormulaError', async () => {
    const revoked = Proxy.revocable<string[]>([], {});
    revoked.revoke();
    const trapping = new Proxy<string[]>([], {
      get: () => {
        throw new Error('trap');
      },
    });
    for (const variables of [null, 't', [1], new Set(['t']), revoked.proxy, trapping]) {
      await expect(compileFormula('t', variables as never)).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    }
  });

  it('refuses a result outside the range it is compiled with, naming the value and the range', async () => {
    const range = { min: 0, max: 0.99, describe: 'a share is 0..0.99' };
    const f = await compileFormula('s0 * t', ['t', 's0'], { range });
    expect(f({ t: 1, s0: 0.5 })).toBe(0.5);
    expect(f({ t: 1, s0: 0.99 })).toBe(0.99);
    expect(() => f({ t: 3, s0: 0.5 })).toThrow(expect.objectContaining({ code: 'out-of-range' }));
    expect(() => f({ t: 3, s0: 0.5 })).toThrow(/got 1.5; a share is 0..0.99/);
    expect(() => f({ t: -1, s0: 0.5 })).toThrow(/got -0.5/);
  });
});

describe('compilePriceAdjustments: the adjusted-price ceiling', () => {
  it('refuses a price above the ceiling with a FormulaError naming it; a price below the floor is returned', async () => {
    const adjust = await compilePriceAdjustments([{ expression: 'price * 1e15' }]);
    expect(() => adjust(offer(), 7.912, 0)).toThrow(
      expect.objectContaining({ name: 'FormulaError', code: 'out-of-range', expression: 'price * 1e15' }),
    );
    expect(() => adjust(offer(), 7.912, 0)).toThrow(/at most 10000 USD per GPU-hour/);
    expect(ADJUSTED_PRICE_RANGE.max).toBe(MAX_ADJUSTED_USD_PER_GPU_HOUR);
    // Below the floor is not the formula's error: estimateCost leaves the offer unpriced (price-below-floor).
    const zero = await compilePriceAdjustments([{ expression: 'price * 0' }, { expression: '-price' }]);
    expect(Object.is(zero(offer(), 2, 0), -0)).toBe(true);
  });
});

describe('mathjs stays out of code paths without formulas', () => {
  it('no source file imports mathjs statically (only `import type` and the lazy loader)', () => {
    const root = join(import.meta.dirname, '..', 'src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk(root);
    const offenders = files.filter((f) =>
      /^import (?!type )[^;]*from '(mathjs|[./]*(formula\/)?mathFactories\.js)'/m.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
    // mathjs itself is re-exported by name from one module, which only the loader imports, lazily.
    const reexports = files.filter((f) =>
      /from 'mathjs'/.test(readFileSync(f, 'utf8').replace(/^import type .*$/gm, '')),
    );
    expect(reexports.map((f) => f.slice(root.length + 1))).toEqual([join('formula', 'mathFactories.ts')]);
    const loader = readFileSync(join(root, 'formula', 'loadFormulaEngine.ts'), 'utf8');
    expect(loader).toContain("await import('./mathFactories.js')");
  });

  it('mathFactories re-exports create and the dependencies of exactly the allowed grammar', async () => {
    const exported = Object.keys(await import('../src/formula/mathFactories.js')).sort();
    const wanted = [...new Set(FACTORY_NAMES)].map((name) => `${name}Dependencies`);
    expect(exported).toEqual(['create', ...wanted].sort());
  });
});
