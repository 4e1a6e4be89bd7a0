/**
 * The mathjs pieces a formula engine is built from, imported by name: `create` and the dependency factories of
 * the parser and of exactly the operators, functions and constants `formulaGrammar.ts` allows (a test checks the
 * two lists agree). Named imports let a bundler leave the rest of mathjs out — its default instance builds every
 * function on import, which cost about 0.7 s of every CLI run that met a formula.
 */
export {
  absDependencies,
  addDependencies,
  andDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  eDependencies,
  equalDependencies,
  expDependencies,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  piDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
} from 'mathjs';
