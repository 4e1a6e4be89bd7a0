/** mulberry32: a tiny seeded PRNG for test simulations (never used by the package, which takes no randomness). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponential draw of mean `mean`. */
export function exponential(rand: () => number, mean: number): number {
  return -mean * Math.log(1 - rand());
}
