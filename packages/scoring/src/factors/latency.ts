import { logRampIn, logRange, roughly } from '../curves.js';
import { defineFactor } from '../defineFactor.js';

/**
 * Q5 "How latency-sensitive is the application?". The signal is 1 for a p99 budget at or below
 * `criticalMs`, 0 at or above `tolerantMs` (seconds-tolerant generation has run on spread-out consumer
 * GPUs, DESIGN §4) and log-linear between; no budget at all is 0. Monotone: a tighter budget, or a budget
 * where there was none, never raises DePIN fit.
 */
export const latencyFactor = defineFactor({
  id: 'latency',
  question: 'How latency-sensitive is the application?',
  rationale: 'Real-time inference often benefits from stable regional placement.',
  weight: 16,
  params: { criticalMs: 100, tolerantMs: 10_000 },
  checkParams: (p) =>
    p.criticalMs > 0 && p.criticalMs < p.tolerantMs
      ? undefined
      : { param: 'criticalMs', message: 'criticalMs must be positive and smaller than tolerantMs' },
  prepare: (p) => ({ ...p, range: logRange(p.criticalMs, p.tolerantMs) }),
  measure(profile, p, _config, out) {
    const ms = profile.p99LatencyMs;
    const s = ms === null ? 0 : 1 - logRampIn(ms, p.criticalMs, p.tolerantMs, p.range);
    out.depin = -s;
    out.cloud = 0.5 * s;
  },
  explain(profile, p) {
    const ms = profile.p99LatencyMs;
    if (ms === null) return 'No latency budget: results can wait, so placement can follow price.';
    const budget = ms >= 1000 ? `${roughly(ms / 1000)} s` : `${roughly(ms)} ms`;
    if (ms >= p.tolerantMs)
      return `A p99 latency budget of ${budget}: users accept seconds, which replicas spread over DePIN hosts have served in production.`;
    if (ms <= p.criticalMs)
      return `A p99 latency budget of ${budget}: latency-critical; "real-time inference often benefits from stable regional placement".`;
    return `A p99 latency budget of ${budget}: "real-time inference often benefits from stable regional placement", which varied DePIN hosts make harder to hold.`;
  },
});
