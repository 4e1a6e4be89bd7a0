/**
 * What a user formula may contain. Everything else — property access (`a.constructor`), assignment, function
 * definition, objects, arrays, indexes, blocks, ranges, strings, units — is refused before anything is evaluated.
 */

/** mathjs OperatorNode functions allowed: arithmetic, comparison and logic on numbers. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'unaryMinus',
  'unaryPlus',
  'larger',
  'smaller',
  'largerEq',
  'smallerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);

/** Functions a formula may call. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  'abs',
  'ceil',
  'floor',
  'round',
  'sqrt',
  'exp',
  'log',
  'min',
  'max',
  'pow',
]);

/** Constants a formula may name (unless a variable of the same name shadows them). */
export const ALLOWED_CONSTANTS: ReadonlySet<string> = new Set(['pi', 'e']);

export const MAX_FORMULA_LENGTH = 500;
export const MAX_FORMULA_NODES = 200;
export const MAX_FORMULA_DEPTH = 32;

/** The mathjs factories the restricted instance is built from: the parser and exactly the functions above. */
export const FACTORY_NAMES: readonly string[] = [
  'parse',
  ...ALLOWED_OPERATORS,
  ...ALLOWED_FUNCTIONS,
  ...ALLOWED_CONSTANTS,
];

/** Functions mathjs's security guide says to disable on an instance that evaluates user input, plus `config`. */
export const DISABLED_FUNCTIONS: readonly string[] = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'simplify',
  'derivative',
  'compile',
  'resolve',
  'reviver',
  'config',
];
