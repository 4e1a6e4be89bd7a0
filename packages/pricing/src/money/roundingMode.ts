/**
 * A rounding mode turns a real number of minor units into a whole number of minor units. Modes are named
 * functions, one per file, passed in explicitly (dinero.js `core/divide/*` style).
 */
export type RoundingMode = (minorUnits: number) => number;
