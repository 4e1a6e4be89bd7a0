import { assert } from '../assert.js';
import { INVALID_RATE, INVALID_UTILIZATION } from '../messages.js';

/**
 * What a committed (reserved) GPU-hour really costs per hour used: a commitment pays for every committed hour,
 * so at utilization u the effective rate is r_c ÷ u. Source: DESIGN §5.6; price-facts §6 (a commitment saves only
 * on hours actually used).
 */
export function effectiveCommittedRate(committedUsdPerGpuHour: number, utilization: number): number {
  assert(
    Number.isFinite(committedUsdPerGpuHour) && committedUsdPerGpuHour >= 0,
    INVALID_RATE,
    committedUsdPerGpuHour,
  );
  assert(
    Number.isFinite(utilization) && utilization > 0 && utilization <= 1,
    INVALID_UTILIZATION,
    utilization,
  );
  return committedUsdPerGpuHour / utilization;
}
