import type { CostEstimate, RejectionCode } from '@gpufit/schema';

/** What an offer refused for each reason is, in a few words ("290 run on community hosts …"). */
const REFUSED: Readonly<Record<RejectionCode, string>> = {
  memory: 'cannot hold the model on one instance',
  'gpu-type': 'are another GPU than the one asked for',
  compliance: 'lack a certification the workload requires',
  residency: 'are outside the residency the data needs',
  interconnect: 'lack the interconnect the job needs',
  hosting: 'run on hosts the data may not use',
  'price-unknown': 'have no known price',
  'price-below-floor': 'are priced below USD 0.001 per GPU-hour after the scenario (adjustments or subsidy)',
  'hard-constraint': 'are ruled out by a hard constraint',
  'gpu-unknown': 'have a GPU gpufit has no specifications for',
  availability: 'cannot reach the availability target',
  interruptions: 'are interrupted too often for a job to finish',
  interruptible: 'are spot / interruptible, and the workload is not interruptible',
  placement: 'are excluded by the placement lists',
  capacity: 'are spot without the capacity the job needs at once',
  'gpu-policy': 'are another GPU with no measured throughput ratio for this work',
  latency: 'are too far from the users for the p99 budget',
};

/** The phrase for one offer: "1 is …", "1 has …", "1 lacks …", "1 runs …" (the table is written for several). */
function forOne(phrase: string): string {
  const verb = /^(are|have|lack|run) /.exec(phrase)?.[1];
  if (verb === undefined) return phrase;
  const one = { are: 'is', have: 'has', lack: 'lacks', run: 'runs' }[verb as 'are' | 'have' | 'lack' | 'run'];
  return `${one}${phrase.slice(verb.length)}`;
}

/** Reasons whose message adds what a founder needs (the rule), shown after the count. */
const WITH_RULE: ReadonlySet<RejectionCode> = new Set(['hosting', 'compliance', 'residency', 'latency']);

/**
 * Why no offer of one side could run a workload: each refused offer's reasons counted by code (an offer counts
 * once per code), with the first message of each code as its example. The report shows it in place of "none
 * found", so a founder sees the rule that ruled the side out (e.g. confidential data on community hosts).
 */
export class RejectionTally {
  private offers = 0;
  private readonly byCode = new Map<RejectionCode, { count: number; example: string }>();

  add(estimate: CostEstimate): void {
    this.offers++;
    const seen = new Set<RejectionCode>();
    for (const r of estimate.rejections) {
      if (seen.has(r.code)) continue;
      seen.add(r.code);
      const hit = this.byCode.get(r.code);
      if (hit) hit.count++;
      else this.byCode.set(r.code, { count: 1, example: r.message });
    }
  }

  /**
   * "none of 290 decentralized offers can run it: 290 run on hosts the data may not use (confidential data needs
   * datacenter hosts); 196 are another GPU …" — the three most frequent reasons.
   */
  sentence(what: string, top = 3): string {
    if (this.offers === 0) return `the catalog has no ${what} offer`;
    const ranked = [...this.byCode.entries()].sort(
      (a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1),
    );
    const parts = ranked.slice(0, top).map(([code, { count, example }]) => {
      const rule = WITH_RULE.has(code) ? ` (${example.split(/;|\(/)[0]!.trim()})` : '';
      return `${count} ${count === 1 ? forOne(REFUSED[code]) : REFUSED[code]}${rule}`;
    });
    const offers =
      this.offers === 1 ? `the one ${what} offer cannot` : `none of ${this.offers} ${what} offers can`;
    return `${offers} run it: ${parts.join('; ')}`;
  }
}
