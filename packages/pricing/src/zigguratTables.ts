/**
 * The tables of the ziggurat method for the standard normal (Marsaglia & Tsang 2000, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Software 5(8)), with 256 layers as in Rust's `rand_distr`
 * (`ziggurat_tables.rs`, made by its `ziggurat_tables.py`): the density under exp(−x²/2) is cut into 255
 * horizontal strips and a base strip (with the tail beyond R), each of area V. `fillDraws` (prng.ts) samples
 * from them.
 *
 *   x[0] = V / f(R)   (the base strip's width, tail included)   x[1] = R
 *   x[i+1] = √(−2·ln(V / x[i] + f(x[i])))   for i = 1 … 254      x[256] = 0
 *   f(x) = exp(−x²/2)
 *
 * R and V are the published constants for 256 layers; with them the recurrence lands on x[255] ≈ 0.2152, the
 * last entry of `rand_distr`'s table before 0 (tested, with other entries).
 */

/** Where the tail begins. */
export const ZIGGURAT_R = 3.6541528853610088;
/** The area of every strip (under the unnormalized density exp(−x²/2)). */
export const ZIGGURAT_V = 0.00492867323399;
export const ZIGGURAT_LAYERS = 256;

function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

function buildX(): Float64Array {
  const x = new Float64Array(ZIGGURAT_LAYERS + 1);
  x[0] = ZIGGURAT_V / density(ZIGGURAT_R);
  x[1] = ZIGGURAT_R;
  for (let i = 2; i < ZIGGURAT_LAYERS; i++) {
    x[i] = Math.sqrt(-2 * Math.log(ZIGGURAT_V / x[i - 1]! + density(x[i - 1]!)));
  }
  x[ZIGGURAT_LAYERS] = 0;
  return x;
}

/** Strip edges x[0] > x[1] = R > … > x[256] = 0. */
export const ZIGGURAT_X: Float64Array = buildX();
/** f(x[i]) for each edge: the strips' heights. */
export const ZIGGURAT_F: Float64Array = ZIGGURAT_X.map(density);
