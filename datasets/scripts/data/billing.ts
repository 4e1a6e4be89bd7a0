/**
 * Billing increments per provider → `billingIncrementSeconds` / `minimumBillableSeconds`. Only what a source
 * states; a provider missing here (or a field left undefined) stays empty and the engine assumes per-second
 * billing with no minimum.
 */
export interface BillingTerms {
  readonly incrementSeconds?: number;
  readonly minimumSeconds?: number;
  /** one short line for the row notes */
  readonly note: string;
  readonly source: string;
}

export const BILLING: Readonly<Record<string, BillingTerms>> = {
  aws: {
    incrementSeconds: 1,
    minimumSeconds: 60,
    note: 'billed per second after a one-minute minimum per start (Linux)',
    source:
      'AWS EC2 API Reference, StartInstances: "Every time you start your Linux instance, Amazon EC2 charges a one-minute minimum for instance usage, and thereafter charges per second" (quoted in the amazonka-ec2 docs, hackage.haskell.org)',
  },
  gcp: {
    incrementSeconds: 1,
    minimumSeconds: 60,
    note: 'vCPUs, GPUs and memory billed a one-minute minimum, then in 1-second increments',
    source:
      'Google Cloud training "Essential Google Cloud Infrastructure: Foundation", Compute pricing ("charged a minimum of 1 minute ... After 1 minute, instances are charged in 1-second increments"); Packt "Google Cloud Platform for Developers" (per-second, one-minute minimum)',
  },
  lambda: {
    incrementSeconds: 60,
    note: 'billed in one-minute increments',
    source: 'Lambda docs "Billing" (price-facts §8: per-hour prices billed in 1-minute increments)',
  },
  scaleway: {
    incrementSeconds: 60,
    note: 'GPU Instances billed per minute',
    source:
      'Scaleway docs, Instances FAQ "How are Instances billed?" (scaleway/docs-content PR #5727: GPU Instances billed per minute of uptime)',
  },
  vast: {
    incrementSeconds: 1,
    note: 'per-second billing',
    source:
      'vast.ai/pricing "Per-second billing" (transcribed verbatim in api-evangelist/vast-ai plans, read 2026-10-07); Vast Serverless docs: per-second pricing "at the same price as Vast.ai\'s non-Serverless GPU instances"',
  },
  akash: {
    incrementSeconds: 6,
    note: 'settled per block (~6 s) from escrow',
    source: 'akash-network discussion #1524 (price-facts §3, §8: per-block ~6 s settlement)',
  },
  salad: {
    incrementSeconds: 1,
    note: 'billed per second, nothing while allocating or downloading',
    source: 'SaladCloud docs billing, Last Updated 2026-04-09 (reliability-facts "Salad")',
  },
  nosana: {
    incrementSeconds: 1,
    note: 'per-second billing (nos_job_price_per_second)',
    source: 'nosana.com/pricing.md snapshot 2026-09-03 (depin-marketplace-prices.csv row notes)',
  },
  spheron: {
    minimumSeconds: 1200,
    note: '20-minute minimum runtime before manual termination (all instance types); increment not stated',
    source: 'Spheron docs "Concepts" (reliability-facts "Spheron")',
  },
};
