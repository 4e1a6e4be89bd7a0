import type { MathNode } from 'mathjs';
import * as m from '../messages.js';
import { FormulaError } from './FormulaError.js';
import {
  ALLOWED_CONSTANTS,
  ALLOWED_FUNCTIONS,
  ALLOWED_OPERATORS,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  MAX_FORMULA_NODES,
} from './formulaGrammar.js';
import type { FormulaEngine } from './loadFormulaEngine.js';
import { loadFormulaEngine } from './loadFormulaEngine.js';

/** A compiled user formula: a function of a plain numeric scope that returns a finite number or throws. */
export type CompiledFormula = (scope: Readonly<Record<string, number>>) => number;

/** The values a formula's result may take, and what a founder reads when it leaves them. */
export interface FormulaRange {
  readonly min: number;
  readonly max: number;
  /** Says what the result is and its range, e.g. "a subsidy share is from 0 to 0.99". */
  readonly describe: string;
}

export interface CompileFormulaOptions {
  /** Results outside `[min, max]` throw a `FormulaError` with code `out-of-range`. */
  readonly range?: FormulaRange;
}

/**
 * Parses and compiles a user formula once, in a restricted mathjs scope (`loadFormulaEngine`), and returns a
 * function of a numeric scope. Refused with a `FormulaError` (a `code` and a clear message) before evaluation:
 * more than 500 characters; more than 200 nodes or 32 levels of nesting; any node other than numbers, the
 * allowed variables and constants, arithmetic/comparison/logic operators, parentheses, `a ? b : c`, and calls
 * of whitelisted math functions (`formulaGrammar.ts`); an expression that is not a string. Evaluation throws a
 * `FormulaError` — never another error — when a variable is missing or not finite, when a function refuses its
 * arguments (`max()`, `round(t, 0.5)`), when the result is not a finite number, or outside `options.range`.
 *
 * Async because mathjs is loaded lazily; `compileFormulaWith(engine, …)` is the synchronous form for a caller
 * that already holds the engine.
 */
export async function compileFormula(
  expression: string,
  allowedVariables: readonly string[],
  options: CompileFormulaOptions = {},
): Promise<CompiledFormula> {
  checkArguments(expression, allowedVariables);
  return compileFormulaWith(await loadFormulaEngine(), expression, allowedVariables, options);
}

export function compileFormulaWith(
  engine: FormulaEngine,
  expression: string,
  allowedVariables: readonly string[],
  options: CompileFormulaOptions = {},
): CompiledFormula {
  checkArguments(expression, allowedVariables);
  let root: MathNode;
  try {
    root = engine.parse(expression);
  } catch (error) {
    throw new FormulaError(
      'syntax',
      m.FORMULA_SYNTAX,
      expression,
      error instanceof Error ? error.message : undefined,
    );
  }
  const allowed = new Set(allowedVariables);
  const used = new Set<string>();
  let nodes = 0;

  const walk = (node: MathNode, depth: number): void => {
    nodes++;
    if (nodes > MAX_FORMULA_NODES || depth > MAX_FORMULA_DEPTH) {
      throw new FormulaError('too-complex', m.FORMULA_TOO_COMPLEX, expression);
    }
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        const value = n['value'];
        if (typeof value === 'string') throw new FormulaError('string', m.FORMULA_STRING, expression);
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new FormulaError(
            'node-not-allowed',
            m.FORMULA_NODE_NOT_ALLOWED,
            expression,
            `constant ${String(value)}`,
          );
        }
        return;
      }
      case 'SymbolNode': {
        const name = String(n['name']);
        if (allowed.has(name)) used.add(name);
        else if (!ALLOWED_CONSTANTS.has(name)) {
          throw new FormulaError(
            'unknown-symbol',
            m.FORMULA_UNKNOWN_SYMBOL,
            expression,
            `${name}; allowed: ${[...allowed].join(', ') || 'none'}`,
          );
        }
        return;
      }
      case 'OperatorNode': {
        const fn = String(n['fn']);
        if (!ALLOWED_OPERATORS.has(fn)) {
          throw new FormulaError(
            'node-not-allowed',
            m.FORMULA_NODE_NOT_ALLOWED,
            expression,
            `operator ${String(n['op'])}`,
          );
        }
        for (const arg of n['args'] as MathNode[]) walk(arg, depth + 1);
        return;
      }
      case 'ParenthesisNode':
        walk(n['content'] as MathNode, depth + 1);
        return;
      case 'ConditionalNode':
        walk(n['condition'] as MathNode, depth + 1);
        walk(n['trueExpr'] as MathNode, depth + 1);
        walk(n['falseExpr'] as MathNode, depth + 1);
        return;
      case 'FunctionNode': {
        const fn = n['fn'] as MathNode & Record<string, unknown>;
        const name = fn.type === 'SymbolNode' ? String(fn['name']) : null;
        if (name === null || !ALLOWED_FUNCTIONS.has(name) || allowed.has(name)) {
          throw new FormulaError(
            'function-not-allowed',
            m.FORMULA_FUNCTION_NOT_ALLOWED,
            expression,
            `${name ?? fn.type}; allowed: ${[...ALLOWED_FUNCTIONS].join(', ')}`,
          );
        }
        for (const arg of n['args'] as MathNode[]) walk(arg, depth + 1);
        return;
      }
      default:
        throw new FormulaError('node-not-allowed', m.FORMULA_NODE_NOT_ALLOWED, expression, node.type);
    }
  };
  walk(root, 0);

  const compiled = root.compile();
  const variables = [...used];
  const range = options.range;
  return (scope) => {
    // A fresh Map of own numeric values only: nothing inherited or non-numeric reaches mathjs.
    const values = new Map<string, number>();
    for (const name of variables) {
      const v = Object.hasOwn(scope, name) ? scope[name] : undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new FormulaError(
          'missing-variable',
          m.FORMULA_MISSING_VARIABLE,
          expression,
          `${name} = ${String(v)}`,
        );
      }
      values.set(name, v);
    }
    let result: unknown;
    try {
      result = compiled.evaluate(values);
    } catch (error) {
      // mathjs refuses some arguments only when called: max(), sqrt(), round(t, 0.5), ceil(t, 1000).
      throw new FormulaError(
        'evaluation',
        m.FORMULA_EVALUATION,
        expression,
        error instanceof Error ? error.message : String(error),
      );
    }
    if (typeof result !== 'number' || !Number.isFinite(result)) {
      throw new FormulaError('not-finite', m.FORMULA_NOT_FINITE, expression, describe(result));
    }
    if (range !== undefined && !(result >= range.min && result <= range.max)) {
      throw new FormulaError(
        'out-of-range',
        m.FORMULA_OUT_OF_RANGE,
        expression,
        `got ${result}; ${range.describe}`,
      );
    }
    return result;
  };
}

function checkArguments(expression: unknown, allowedVariables: unknown): asserts expression is string {
  if (typeof expression !== 'string') {
    // typeof only: a Proxy (even a revoked one) must not be touched while it is described.
    const got =
      expression === null ? 'null' : typeof expression === 'object' ? 'an object' : `a ${typeof expression}`;
    throw new FormulaError('not-text', m.FORMULA_NOT_TEXT, '', `got ${got}`);
  }
  if (!isNameList(allowedVariables)) {
    throw new FormulaError('invalid-argument', m.FORMULA_BAD_VARIABLES, expression);
  }
  checkLength(expression);
}

/** A list of strings; false for anything else, including a Proxy whose traps throw or that was revoked. */
function isNameList(value: unknown): value is readonly string[] {
  try {
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

function checkLength(expression: string): void {
  if (expression.trim().length === 0) throw new FormulaError('empty', m.FORMULA_EMPTY, expression);
  if (expression.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(
      'too-long',
      m.FORMULA_TOO_LONG,
      `${expression.slice(0, 40)}…`,
      `${expression.length} characters`,
    );
  }
}

function describe(result: unknown): string {
  if (typeof result === 'number' || typeof result === 'boolean') return `got ${String(result)}`;
  return `got a ${typeof result === 'object' && result !== null ? result.constructor.name : typeof result}`;
}
