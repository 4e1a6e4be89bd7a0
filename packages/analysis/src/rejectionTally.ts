import type {
  ComplianceRequirement,
  CostEstimate,
  CostRejection,
  Offer,
  RefusalCount,
  RejectionCode,
} from '@gpufit/schema';
import { REFUSED_OFFERS, refusedOne } from '@gpufit/schema';

/** What unlocks offers refused for one reason only (the nearest refusals). */
const REMEDY: Partial<Record<RejectionCode, string>> = {
  'gpu-policy': 'set gpuPolicy any to price them (no speed-up credited)',
  compliance: 'if the provider holds the certification, add it to the offer’s certifications',
  residency: 'widen residency to price them',
  placement: 'widen the placement lists to price them',
  interconnect: 'state fewer GPUs per replica, if the model fits them, to price them',
  // A job priced at no speed-up (no GPU named, or no measured ratio) may finish in time at a measured one.
  horizon:
    'a GPU measured faster for this work shortens the run (with no gpuType named, name the GPU your hours were counted on), or lengthen horizonMonths, to price them',
  precision:
    'state a precision their GPU runs (fp16 for bf16 on Volta / Turing), if the model runs at it, to price them',
  'region-unconfirmed':
    'if the provider confirms the GPU is offered in that region, set the row’s regionListing to per-type in your catalog to price them',
};

/**
 * What unlocks an offer refused for `gdpr`. GDPR is a regulation, not a certificate a provider holds: pricing meets
 * it in place for an offer in the EEA on datacenter hosts (verified ones on a marketplace or DePIN network), with the
 * provider's data processing agreement signed (`gdprInPlace` of `@gpufit/pricing`: Art. 28, Chapter V), and
 * elsewhere only where the catalog records it. So "add the certification" is the wrong advice for it.
 */
const GDPR_REMEDY =
  'GDPR is met by where the data is processed and a contract, not by a certificate: an offer in the EEA on datacenter hosts (on a marketplace or DePIN network, hosts the network verified) qualifies once you sign the provider’s data processing agreement (GDPR Art. 28), and each of these is outside the EEA, states no country, or runs on community or unverified hosts; add an EEA datacenter offer to the catalog, or record gdpr for one of these only if its provider’s agreement covers transfers out of the EEA (standard contractual clauses, Chapter V)';

/** Reasons whose message adds what a founder needs (the rule), shown after the count. */
const WITH_RULE: ReadonlySet<RejectionCode> = new Set([
  'hosting',
  'compliance',
  'residency',
  'latency',
  'precision',
  'region-unconfirmed',
]);

/**
 * A message's first clause: the text before its first ';' or '(', trimmed (`text.split(/;|\(/)[0].trim()`, without
 * the array of every clause: a tally reads it for each refusal of every offer of a side).
 */
export function ruleOf(text: string): string {
  const semi = text.indexOf(';');
  const paren = text.indexOf('(');
  const end = semi < 0 ? paren : paren < 0 ? semi : Math.min(semi, paren);
  return (end < 0 ? text : text.slice(0, end)).trim();
}

/**
 * The rule a refusal states: its message's first clause. A precision refusal names its GPU first ("V100 (Volta) has
 * no bf16: bf16 needs Ampere or later; …"): its rule is the clause after the colon.
 */
function ruleOfRejection(r: CostRejection): string {
  return ruleOf(r.code === 'precision' ? r.message.slice(r.message.indexOf(': ') + 2) : r.message);
}

/** Whether a rejection before the `i`th has its code (an offer counts once per code). */
function codeSeen(rejections: readonly CostRejection[], i: number): boolean {
  const code = rejections[i]!.code;
  for (let j = 0; j < i; j++) if (rejections[j]!.code === code) return true;
  return false;
}

/**
 * Why no offer of one side could run a workload: each refused offer's reasons counted by code (an offer counts
 * once per code), with the first message of each code as its example. The report shows it in place of "none
 * found", so a founder sees the rule that ruled the side out (e.g. confidential data on community hosts).
 */
export class RejectionTally {
  private offers = 0;
  private readonly byCode = new Map<RejectionCode, { count: number; rules: string[] }>();
  /** Offers refused for one reason only, by that reason: the ones a founder could unlock with one change. */
  private readonly nearest = new Map<RejectionCode, Set<string>>();
  /** The certifications the nearest compliance refusals lack (their remedy depends on it: `gdpr` is not one). */
  private readonly nearestMissing = new Set<ComplianceRequirement>();

  /** `offer` names the offer ("Lambda (H100, europe-central-1)") among the nearest refusals. */
  add(estimate: CostEstimate, offer?: Pick<Offer, 'providerName' | 'gpu' | 'region'>): void {
    this.offers++;
    const rejections = estimate.rejections;
    let codes = 0;
    for (let i = 0; i < rejections.length; i++) {
      const r = rejections[i]!;
      if (codeSeen(rejections, i)) continue;
      codes++;
      const hit = this.byCode.get(r.code);
      if (hit === undefined) this.byCode.set(r.code, { count: 1, rules: [ruleOfRejection(r)] });
      else {
        hit.count++;
        // Only hosting refusals show every rule (`sentence`); the other codes show their first, kept above.
        if (r.code === 'hosting') {
          const rule = ruleOfRejection(r);
          if (!hit.rules.includes(rule)) hit.rules.push(rule);
        }
      }
    }
    if (offer !== undefined && codes === 1) {
      const label = `${offer.providerName} (${offer.gpu}, ${offer.region})`;
      const code = rejections[0]!.code;
      // What the offer lacks is the rejection's structured fact (`missing`), never read back from its message.
      if (code === 'compliance') for (const c of rejections[0]!.missing ?? []) this.nearestMissing.add(c);
      const names = this.nearest.get(code);
      if (names === undefined) this.nearest.set(code, new Set([label]));
      else names.add(label);
    }
  }

  /**
   * "The nearest fail one rule only — another GPU with no measured throughput ratio for this work: 5 offers (Amazon
   * Web Services A100-80GB eu-central-1, …); set gpuPolicy any to price them without a speed-up" — at most `top`
   * rules, three offers named each; "" when no offer fails just one.
   */
  private nearestText(top: number): string {
    if (this.nearest.size === 0) return '';
    const ranked = [...this.nearest.entries()].sort(
      (a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1),
    );
    const parts = ranked.slice(0, top).map(([code, names]) => {
      const shown = [...names].slice(0, 3).join(', ');
      const more = names.size > 3 ? `, and ${names.size - 3} more` : '';
      const remedy = this.remedyOf(code);
      return `${REFUSED_OFFERS[code].replace(/^(are|have|lack|run|cannot) /, '')} — ${names.size} ${names.size === 1 ? 'offer' : 'offers'} (${shown}${more})${remedy}`;
    });
    return `. The nearest fail one rule only, ${parts.join('; ')}`;
  }

  /** ": <what unlocks them>" for the nearest refusals of one code, or "" when nothing is said. */
  private remedyOf(code: RejectionCode): string {
    if (code !== 'compliance' || !this.nearestMissing.has('gdpr'))
      return REMEDY[code] === undefined ? '' : `: ${REMEDY[code]}`;
    const others = [...this.nearestMissing].filter((c) => c !== 'gdpr');
    return `: ${GDPR_REMEDY}${others.length === 0 ? '' : `; for ${others.join(', ')}: if the provider holds it, add it to the offer’s certifications`}`;
  }

  /**
   * "none of 290 decentralized offers can run it: 290 run on hosts the data may not use (confidential data needs
   * datacenter hosts); 196 are another GPU …" — the three most frequent reasons.
   */
  sentence(what: string, top = 3): string {
    if (this.offers === 0) return `the catalog has no ${what} offer`;
    const parts = this.ranked(top).map(([code, { count, rules }]) => {
      // Hosting refusals state a rule (datacenter hosts, verified hosts), each shown; the others' first clause
      // names the offer's own case (its country, the certifications it lacks), so the first stands for them.
      const shown = code === 'hosting' ? rules.join('; or ') : rules[0]!;
      const rule = WITH_RULE.has(code) ? ` (${shown})` : '';
      return `${count} ${count === 1 ? refusedOne(REFUSED_OFFERS[code]) : REFUSED_OFFERS[code]}${rule}`;
    });
    const offers =
      this.offers === 1 ? `the one ${what} offer cannot` : `none of ${this.offers} ${what} offers can`;
    return `${offers} run it: ${parts.join('; ')}${this.nearestText(top)}`;
  }

  /**
   * The reasons `sentence` names, as data: their codes and the offers each refused, in its order (the report's
   * short reasons read them, not the sentence). Empty when no offer was counted.
   */
  reasons(top = 3): RefusalCount[] {
    return this.ranked(top).map(([code, { count }]) => ({ code, offers: count }));
  }

  /** The `top` most frequent reasons, most offers first, then by code. */
  private ranked(top: number): [RejectionCode, { count: number; rules: string[] }][] {
    return [...this.byCode.entries()]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .slice(0, top);
  }
}
