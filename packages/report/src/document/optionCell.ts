/**
 * The executive summary's option cells, kept short: a 40-workload estate repeated "ineligible: Data must stay in
 * US: DePIN is ineligible unless …" or "none of 288 decentralized offers can run it: 288 lack a certification …" on
 * about 30 rows, so each table line ran to about 800 characters. A cell says why in a few words ("ineligible: data
 * must stay in US", "none: certification, hosting, GPU ratio") and keys the full sentence ("note 2"), which the
 * summary says once under the table; each workload's own section keeps the full sentence (`optionText`).
 */
import {
  REFUSED_OFFERS,
  REFUSED_SHORT,
  REJECTION_CODES,
  type RejectionCode,
  refusedOne,
} from '@gpufit/schema';
import type { ShownOption, ShownWorkload } from '../present/presentAnalysis.js';
import { optionText } from './optionText.js';

/**
 * The longest option cell that is not an offer, its note key included. An offer cell ("Microsoft Azure
 * (hyperscaler): 4 × 8 A100-80GB at peak, 1.7 on average (for H100: 0.452× measured at fp8), eastus2, on-demand")
 * runs to about 130 characters and says what is rented; a reason is kept to half that, so no reason widens the
 * table beyond what its offers do.
 */
export const REASON_CELL_MAX = 66;

/** The full sentences the cells key, in order of first use: note n is `sentences[n - 1]`. */
export class OptionNotes {
  readonly sentences: string[] = [];

  /** The note number of `sentence`, adding it when new. */
  key(sentence: string): number {
    const at = this.sentences.indexOf(sentence);
    if (at >= 0) return at + 1;
    this.sentences.push(sentence);
    return this.sentences.length;
  }
}

/** "(note 2)": the key a cell carries to its sentence under the table. */
export const noteKey = (n: number): string => `(note ${n})`;

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * Why there is no option, in a few words: a hard constraint's rule ("Data must stay in US: DePIN is ineligible …" →
 * "ineligible: data must stay in US"; a rule too long for a cell → its constraint code), or the refusal reasons
 * behind `decision.unavailable` ("none of 288 decentralized offers can run it: 288 lack a certification …; 288 run
 * on hosts …" → "none: certification, hosting"), read from `decision.unavailableReasons` (since schema 2.13.0) and,
 * for an older report.json without it, off the sentence. Null when there is no shorter form gpufit can read exactly.
 */
export function shortReason(w: ShownWorkload, side: 'cloud' | 'depin'): string | null {
  const hard = w.workload.fit.constraints.find((c) => c.side === side && c.scope === 'all');
  if (hard !== undefined) {
    const head = hard.reason.split(': ')[0]!;
    return `ineligible: ${head !== hard.reason && head.length <= 40 ? lowerFirst(head) : hard.code}`;
  }
  const sentence = w.workload.decision.unavailable?.[side];
  if (sentence == null) return null;
  const reasons = w.workload.decision.unavailableReasons?.[side];
  if (reasons != null) return shortOf(reasons.map((r) => r.code));
  return shortOf(codesSaid(sentence));
}

/** "none: certification, hosting", or null for no reason. */
const shortOf = (codes: readonly RejectionCode[]): string | null =>
  codes.length === 0 ? null : `none: ${codes.map((c) => REFUSED_SHORT[c]).join(', ')}`;

/**
 * The refusal codes a `decision.unavailable` sentence names, in its order, read back by their phrases: only for a
 * report.json older than 2.13.0, which carries no `unavailableReasons`.
 */
function codesSaid(sentence: string): RejectionCode[] {
  const m = /^(?:none of [\d,]+ \S+ offers can|the one \S+ offer cannot) run it: /.exec(sentence);
  if (m === null) return [];
  const said = sentence.slice(m[0].length).split('. The nearest')[0]!;
  const at = (phrase: string): number => {
    const i = said.indexOf(` ${phrase}`);
    return i < 0 ? said.indexOf(` ${refusedOne(phrase)}`) : i;
  };
  return REJECTION_CODES.map((code) => ({ code, at: at(REFUSED_OFFERS[code]) }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.code);
}

/**
 * One option cell of the summary table: the offer (`optionText`), or why there is none — whole when it is short,
 * else in a few words with the key of its full sentence in `notes`.
 */
export function optionCell(
  w: ShownWorkload,
  option: ShownOption | null,
  side: 'cloud' | 'depin',
  notes: OptionNotes,
): string {
  const full = optionText(w, option, side);
  if (option !== null || full.length <= REASON_CELL_MAX) return full;
  const key = ` ${noteKey(notes.key(full))}`;
  const short = shortReason(w, side) ?? (full.startsWith('ineligible') ? 'ineligible' : 'none');
  return short.length + key.length <= REASON_CELL_MAX
    ? `${short}${key}`
    : `${short.slice(0, REASON_CELL_MAX - key.length - 1)}…${key}`;
}
