/**
 * The host's outside option as a floor under a token-denominated price (docs/projection-and-uncertainty.md,
 * "Incentive-token floor").
 *
 * A network that prices jobs in its incentive token (Nosana: NOS per second) charges a fixed number of tokens per
 * GPU-hour, so its USD price follows the token (`tokenPriceRatio`). Followed without limit, a 75 % crash a year
 * takes a Nosana RTX 4090 to $0.03 an hour, below a host's electricity. A host can list the same GPU on a
 * USD-priced marketplace (Vast.ai, RunPod community, SaladCloud), so the token price cannot stay far below what
 * the same GPU earns there: the network reprices or its hosts leave.
 *
 * gpufit rule: with u(t) the month's USD price without the token move (the list, moved only by the subsidy
 * schedule), R(t) the token ratio P_t ÷ P_ref and f the lowest USD price of the same GPU on a USD-priced
 * marketplace (analysis finds it in the catalog; pricing only reads it):
 *
 *   price(t) = max(R(t) · u(t), min(f, u(t)))
 *
 * A floor, not a peg: it only binds when the token pulls the price below f, never lifts a price above the one
 * the token at its reference price would give (min(f, u): an offer already listed below its outside option is
 * held at its own price, so month 0 bills the list), and a rising token passes through unchanged.
 * Assumptions: tenant prices are compared (each platform's fee inside its own price); hosts move freely.
 */
import { assert } from '../assert.js';
import { INVALID_RATE } from '../messages.js';

/** The outside option of a token-denominated offer's hosts, with its provenance (which catalog offer). */
export interface TokenFloor {
  /** USD per GPU-hour of the cheapest USD-priced marketplace listing of the same GPU and interruptibility. */
  readonly usdPerGpuHour: number;
  /** The catalog offer it comes from. */
  readonly offerId: string;
  /** Its provider's display name (e.g. "SaladCloud"). */
  readonly providerName: string;
  /** The GPU both offers carry (tier id, e.g. RTX4090). */
  readonly gpu: string;
}

/**
 * The token ratio below which the floor binds, for a month whose price without the token move is
 * `unmovedUsdPerGpuHour`: min(1, f ÷ u). The floored ratio is max(R, this); 1 when the offer's own price is
 * already at or below the floor (then it is held at its own price).
 */
export function tokenFloorRatio(floorUsdPerGpuHour: number, unmovedUsdPerGpuHour: number): number {
  checkPrices(floorUsdPerGpuHour, unmovedUsdPerGpuHour);
  return Math.min(1, floorUsdPerGpuHour / unmovedUsdPerGpuHour);
}

/**
 * max(R · u, min(f, u)): the month's USD price per GPU-hour of a token-denominated offer under its floor. The
 * projection and the Monte Carlo apply the same rule to costs as a ratio, u · max(R, `tokenFloorRatio(f, u)`).
 */
export function flooredTokenUsdPerGpuHour(
  unmovedUsdPerGpuHour: number,
  tokenRatio: number,
  floorUsdPerGpuHour: number,
): number {
  checkPrices(floorUsdPerGpuHour, unmovedUsdPerGpuHour);
  assert(Number.isFinite(tokenRatio) && tokenRatio >= 0, INVALID_RATE, tokenRatio);
  return Math.max(tokenRatio * unmovedUsdPerGpuHour, Math.min(floorUsdPerGpuHour, unmovedUsdPerGpuHour));
}

function checkPrices(floorUsdPerGpuHour: number, unmovedUsdPerGpuHour: number): void {
  assert(Number.isFinite(floorUsdPerGpuHour) && floorUsdPerGpuHour > 0, INVALID_RATE, floorUsdPerGpuHour);
  assert(
    Number.isFinite(unmovedUsdPerGpuHour) && unmovedUsdPerGpuHour > 0,
    INVALID_RATE,
    unmovedUsdPerGpuHour,
  );
}
