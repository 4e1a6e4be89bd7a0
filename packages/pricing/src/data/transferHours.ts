import { assert } from '../assert.js';
import { INVALID_AMOUNT, INVALID_RATE } from '../messages.js';

/** Hours to move `gib` GiB at `mbps` megabits per second: GiB × 2³⁰ × 8 bits ÷ (Mbps × 10⁶) ÷ 3600. */
export function transferHours(gib: number, mbps: number): number {
  assert(Number.isFinite(gib) && gib >= 0, INVALID_AMOUNT, gib);
  assert(Number.isFinite(mbps) && mbps > 0, INVALID_RATE, mbps);
  return (gib * 2 ** 30 * 8) / (mbps * 1e6) / 3600;
}
