import type { MathNode } from 'mathjs';
import { FORMULA_FUNCTION_DISABLED } from '../messages.js';
import { DISABLED_FUNCTIONS, FACTORY_NAMES } from './formulaGrammar.js';

/** A restricted mathjs instance: only a parser; evaluation goes through each checked node's own `compile()`. */
export interface FormulaEngine {
  readonly parse: (expression: string) => MathNode;
}

let engine: Promise<FormulaEngine> | undefined;

/**
 * Loads mathjs on first use and builds the restricted instance once. mathjs is imported dynamically, so code that
 * never meets a formula never loads it (the CLI must start fast), and by name (`mathFactories.ts`), so a bundle
 * holds and loads only the factories a formula may use (`formulaGrammar.ts`). The instance is created from those;
 * then — as the mathjs security guide recommends — `import`, `createUnit`, `evaluate`, `parse`, `simplify`,
 * `derivative`, `compile`, `resolve`, `reviver` and `config` are replaced by functions that throw, after keeping a
 * private reference to the parser.
 */
export function loadFormulaEngine(): Promise<FormulaEngine> {
  engine ??= build();
  return engine;
}

async function build(): Promise<FormulaEngine> {
  const mathjs = await import('./mathFactories.js');
  const factories: Record<string, unknown> = {};
  const exports = mathjs as unknown as Record<string, unknown>;
  for (const name of FACTORY_NAMES) {
    const dependencies = exports[`${name}Dependencies`];
    if (dependencies === undefined) throw new Error(`mathFactories.ts does not export ${name}Dependencies`);
    factories[`${name}Dependencies`] = dependencies;
  }
  const math = mathjs.create(factories as Parameters<typeof mathjs.create>[0]);
  const parse = math.parse.bind(math) as (expression: string) => MathNode;
  const disabled: Record<string, () => never> = {};
  for (const name of DISABLED_FUNCTIONS) {
    disabled[name] = () => {
      throw new Error(`${name} ${FORMULA_FUNCTION_DISABLED}`);
    };
  }
  math.import(disabled, { override: true });
  return { parse };
}
