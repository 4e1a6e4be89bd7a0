import {
  type CostEstimate,
  HOURS_PER_MONTH,
  isTermCommitmentRef,
  MARKET_REGISTRY,
  type OfferRef,
  PRICING_CATEGORY_REGISTRY,
  type WorkloadKind,
  workloadKinds,
} from '@gpufit/schema';

/**
 * A provider named as what it is: "Amazon Web Services (hyperscaler)", "Vast.ai (marketplace, community hosts)",
 * "Spheron (DePIN network, datacenter hosts)", "Nosana (DePIN network, verified community hosts)". Whether a
 * marketplace counts as the decentralized side is the analysis's choice; the label never hides which it is.
 */
export function providerLabel(o: Pick<OfferRef, 'providerName' | 'market' | 'hosting' | 'verified'>): string {
  const thirdParty = MARKET_REGISTRY[o.market].thirdPartyHosts;
  const hosts = thirdParty ? `, ${o.verified ? 'verified ' : ''}${o.hosting} hosts` : '';
  return `${o.providerName} (${MARKET_REGISTRY[o.market].label}${hosts})`;
}

/**
 * "committed 12 mo" / "spot / interruptible" / "on-demand" / "capacity block, booked by the day": capacity booked
 * ahead in whole days (AWS Capacity Blocks) is not on-demand, whatever its FOCUS category.
 */
export function pricingLabel(
  o: Pick<OfferRef, 'pricingCategory' | 'bookedAhead'>,
  termMonths?: number | null,
): string {
  if (o.bookedAhead !== undefined) {
    const days = o.bookedAhead.minimumDays;
    return `capacity block, booked ${days <= 1 ? 'by the day' : `${days} days at a time`}`;
  }
  const label = PRICING_CATEGORY_REGISTRY[o.pricingCategory].label;
  return isTermCommitmentRef(o) && termMonths ? `${label} ${termMonths} mo` : label;
}

/**
 * What is rented: "4 × 8 H100" (instances × GPUs per instance) — instances held at peak for serving, at once per
 * job for batch — with the GPU substituted for the named one and its ratio: "(for H100: 0.452× measured at fp8)", the
 * format said where the benchmark records one. A GPU listed with other than its model's usual memory says it:
 * "5 × 1 RTX4090 (48 GB)" (a modified card that holds a 26 GiB replica, where "1 × RTX4090" read as one that cannot).
 * Serving capacity that follows the demand (on-demand or spot) is billed for fewer instances than its peak, so the
 * average is said beside it: "9 × 1 L40S at peak, 4 on average" — 9 at $1.861 would be $12,227 a month, not the
 * $5,434 shown.
 */
export function rentedText(
  o: Pick<OfferRef, 'gpu' | 'gpusPerInstance' | 'pricingCategory' | 'gpuMemoryGiB'>,
  cost: CostEstimate,
  kind?: WorkloadKind,
): string {
  const per = cost.gpusPerInstance ?? o.gpusPerInstance;
  const gpu = o.gpuMemoryGiB === undefined ? o.gpu : `${o.gpu} (${Number(o.gpuMemoryGiB.toPrecision(3))} GB)`;
  const rented =
    cost.instances == null
      ? `${per}-GPU instances of ${gpu}`
      : `${cost.instances} × ${per} ${gpu}${averageText(o, cost, per, kind)}`;
  const t = cost.throughput;
  if (t == null || t.basis === 'same') return rented;
  const ratio = Number(t.ratio.toPrecision(3));
  // The format a measured ratio ran at, where its source records one: "0.452× measured at fp8".
  const at = t.measuredFormat?.kind === 'one' ? ` at ${t.measuredFormat.recorded}` : '';
  return `${rented} (for ${t.demandGpu}: ${ratio}× ${t.basis === 'measured' ? `measured${at}` : 'unmeasured, no speed-up credited'})`;
}

/** ", 4 on average" after a serving peak that capacity following the demand does not hold all month; else "". */
function averageText(
  o: Pick<OfferRef, 'pricingCategory' | 'bookedAhead'>,
  cost: CostEstimate,
  per: number,
  kind: WorkloadKind | undefined,
): string {
  if (kind === undefined || workloadKinds[kind].pattern !== 'serving' || isTermCommitmentRef(o)) return '';
  if (cost.instances == null || cost.billedGpuHoursPerMonth == null || per <= 0) return '';
  const average = cost.billedGpuHoursPerMonth / (HOURS_PER_MONTH * per);
  if (!(average < cost.instances - 0.05)) return '';
  return ` at peak, ${Number(average.toFixed(1))} on average`;
}
