import { assert } from '../assert.js';
import { INVALID_RATE } from '../messages.js';

/**
 * The utilization at which a commitment costs the same per used hour as on-demand: r_c ÷ u = r_o ⇒ u* = r_c ÷ r_o
 * (= 1 − discount; price-facts §6, "break-even utilisation ≈ 1 − discount"). Below u* on-demand is cheaper.
 * Returns a value above 1 when the committed rate exceeds the on-demand rate (the commitment never pays).
 */
export function breakEvenUtilization(committedUsdPerGpuHour: number, onDemandUsdPerGpuHour: number): number {
  assert(
    Number.isFinite(committedUsdPerGpuHour) && committedUsdPerGpuHour >= 0,
    INVALID_RATE,
    committedUsdPerGpuHour,
  );
  assert(
    Number.isFinite(onDemandUsdPerGpuHour) && onDemandUsdPerGpuHour > 0,
    INVALID_RATE,
    onDemandUsdPerGpuHour,
  );
  return committedUsdPerGpuHour / onDemandUsdPerGpuHour;
}
