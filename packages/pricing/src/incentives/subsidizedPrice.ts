import { assert } from '../assert.js';
import { INVALID_RATE, INVALID_SUBSIDY_SHARE } from '../messages.js';

/**
 * The price a tenant pays when a network's incentive token covers part of it:
 * effective price = unsubsidized (list) price × (1 − subsidyShare). Source: DESIGN §5.7.
 */
export function subsidizedPrice(listUsdPerGpuHour: number, subsidyShare: number): number {
  assert(Number.isFinite(listUsdPerGpuHour) && listUsdPerGpuHour >= 0, INVALID_RATE, listUsdPerGpuHour);
  assert(
    Number.isFinite(subsidyShare) && subsidyShare >= 0 && subsidyShare < 1,
    INVALID_SUBSIDY_SHARE,
    subsidyShare,
  );
  return listUsdPerGpuHour * (1 - subsidyShare);
}
