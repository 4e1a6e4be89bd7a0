/**
 * The scenario schema's own limits for the Monte Carlo (`@gpufit/schema` scenario.ts: seed 0..2³²−1, trials
 * 1..10,000,000), for the `--seed` and `--trials` options, which override the scenario and so skip its
 * validation. Repeated here so `gpufit --help` need not load the schema; hardening-cli-options.test.ts keeps
 * them equal. A seed above 2³²−1 would be reduced modulo 2³² by the seed mixer and silently repeat another
 * seed's numbers; more trials than the schema allows would exhaust memory instead of failing clearly.
 */
export const SEED_RANGE = [0, 2 ** 32 - 1] as const;
export const TRIALS_RANGE = [1, 10_000_000] as const;
