/**
 * A rounding mode maps a real number of minor units (e.g. 1234.5 cents) to an integer. Modes are named
 * functions, one per file, passed in explicitly (the dinero.js `core/divide/*` convention), so a report
 * says which rule rounded its money.
 */
export type RoundingMode = (value: number) => number;
