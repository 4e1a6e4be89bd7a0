/**
 * The ids of the factor registry, in report order for ties: the seed's seven questions (interconnect is
 * the fabric half of "how large is the model?"), then the three properties its "best use cases" and
 * DESIGN §4 add. Kept apart from the registry so the framework config's type does not depend on the
 * factors' own types (which mention the config).
 */
export const FACTOR_IDS = [
  'workload-kind',
  'model-size',
  'interconnect',
  'data-movement',
  'uptime',
  'latency',
  'compliance-privacy',
  'cost-sensitivity',
  'interruption-tolerance',
  'checkpointability',
  'stateless-requests',
] as const;

export type FactorId = (typeof FACTOR_IDS)[number];
