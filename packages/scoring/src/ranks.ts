import { DATA_SENSITIVITIES, INTERCONNECTS } from '@gpufit/schema';

/**
 * Position of each value in its ordered vocabulary, as a lookup: one property load instead of an
 * `indexOf` scan with string comparisons on the hot path.
 */
function rankOf<const T extends readonly string[]>(values: T): { readonly [K in T[number]]: number } {
  return Object.freeze(Object.fromEntries(values.map((v, i) => [v, i]))) as {
    readonly [K in T[number]]: number;
  };
}

export const SENSITIVITY_RANK = rankOf(DATA_SENSITIVITIES);
export const INTERCONNECT_RANK = rankOf(INTERCONNECTS);
