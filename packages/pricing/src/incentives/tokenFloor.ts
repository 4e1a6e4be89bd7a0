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
 * What a host weighs is its income, and the network's incentive emissions are part of it, paid in the same token:
 * with u(t) the month's tenant price without the token move (the list, moved only by the subsidy schedule), e(t)
 * the emissions a GPU-hour earns at the token's reference price (the subsidy share s(t) of the unsubsidized
 * price), R(t) the token ratio P_t ÷ P_ref and f the lowest USD price of the same GPU on a USD-priced marketplace
 * (analysis finds it in the catalog; pricing only reads it), a host earns R · (u + e) and stays while that is at
 * least f. The tenant price that keeps it is
 *
 *   price(t) = max(R(t) · u(t), f' − R(t) · e(t)),   f' = min(f, u(t) + e(t))
 *
 * A floor, not a peg: it only binds when the token takes the hosts' income below f; f' = min(f, u + e) is what
 * hosts demonstrably accept (an offer whose hosts already earn less than f at the reference price is never lifted
 * at R = 1, so month 0 bills the list); a rising token passes through unchanged. Without emissions (e = 0) it is
 * max(R · u, min(f, u)). Assumptions: tenant prices are compared (each platform's fee inside its own price);
 * emissions per GPU-hour follow the subsidy schedule and are worth R of their reference value; hosts move freely.
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
 * The floor of one month as ratios of the month's price without the token move u, φ = f ÷ u and ε = e ÷ u: the
 * paid ratio is `flooredTokenRatio(R, φ, ε)` = max(R, min(φ, 1 + ε) − R · ε), i.e. u · that = max(R · u, f' − R · e).
 */
export interface TokenFloorTerms {
  /** f ÷ u. */
  readonly floorRatio: number;
  /** e ÷ u: the emissions a GPU-hour earns at the reference token price, per USD of tenant price. */
  readonly emissionRatio: number;
}

/**
 * The month's floor in ratio terms (`TokenFloorTerms`) for a price without the token move of
 * `unmovedUsdPerGpuHour` and emissions worth `emissionUsdPerGpuHour` at the reference token price.
 */
export function tokenFloorTerms(
  floorUsdPerGpuHour: number,
  unmovedUsdPerGpuHour: number,
  emissionUsdPerGpuHour: number,
): TokenFloorTerms {
  checkPrices(floorUsdPerGpuHour, unmovedUsdPerGpuHour, emissionUsdPerGpuHour);
  const u = unmovedUsdPerGpuHour;
  return { floorRatio: floorUsdPerGpuHour / u, emissionRatio: emissionUsdPerGpuHour / u };
}

/**
 * The paid ratio under a floor in ratio terms (`TokenFloorTerms`): max(R, min(φ − R · ε, 1 + (1 − R) · ε)), which is
 * max(R, min(φ, 1 + ε) − R · ε) written so that R = 1 gives exactly 1 (month 0 bills the list to the bit). The
 * kernels inline it with the trial's landed price R · P in place of the first R.
 */
export function flooredTokenRatio(tokenRatio: number, floorRatio: number, emissionRatio: number): number {
  return Math.max(tokenRatio, heldTokenRatio(tokenRatio, floorRatio, emissionRatio));
}

/**
 * min(φ − R · ε, P + (1 − R) · ε): the ratio that keeps the hosts' income at min(f, u · P + e) (`flooredTokenRatio`),
 * P the price factor a Monte Carlo trial lands at (1 on the projection's path). A host whose own price and
 * emissions already pay less than f is held at what it accepts, never lifted to f: at R = 1 the trial bills its own
 * price (a cap at the list, 1 + (1 − R)·ε, lifted every cheaper trial to the list and ran a flat token's bands 24 %
 * high).
 */
export function heldTokenRatio(
  tokenRatio: number,
  floorRatio: number,
  emissionRatio: number,
  priceFactor = 1,
): number {
  return Math.min(floorRatio - tokenRatio * emissionRatio, priceFactor + (1 - tokenRatio) * emissionRatio);
}

/**
 * max(R · u, f' − R · e), f' = min(f, u + e): the month's USD price per GPU-hour of a token-denominated offer
 * under its floor. The projection and the Monte Carlo apply the same rule to costs as a ratio,
 * u · `flooredTokenRatio(R, φ, ε)` with φ, ε from `tokenFloorTerms`.
 */
export function flooredTokenUsdPerGpuHour(
  unmovedUsdPerGpuHour: number,
  tokenRatio: number,
  floorUsdPerGpuHour: number,
  emissionUsdPerGpuHour: number,
): number {
  checkPrices(floorUsdPerGpuHour, unmovedUsdPerGpuHour, emissionUsdPerGpuHour);
  assert(Number.isFinite(tokenRatio) && tokenRatio >= 0, INVALID_RATE, tokenRatio);
  const u = unmovedUsdPerGpuHour;
  const e = emissionUsdPerGpuHour;
  // min(f, u + e) − R·e, written so that R = 1 gives u exactly (the list, to the bit).
  return Math.max(tokenRatio * u, Math.min(floorUsdPerGpuHour - tokenRatio * e, u + (1 - tokenRatio) * e));
}

function checkPrices(
  floorUsdPerGpuHour: number,
  unmovedUsdPerGpuHour: number,
  emissionUsdPerGpuHour: number,
): void {
  assert(Number.isFinite(floorUsdPerGpuHour) && floorUsdPerGpuHour > 0, INVALID_RATE, floorUsdPerGpuHour);
  assert(
    Number.isFinite(unmovedUsdPerGpuHour) && unmovedUsdPerGpuHour > 0,
    INVALID_RATE,
    unmovedUsdPerGpuHour,
  );
  assert(
    Number.isFinite(emissionUsdPerGpuHour) && emissionUsdPerGpuHour >= 0,
    INVALID_RATE,
    emissionUsdPerGpuHour,
  );
}
