/** The sample mean of `values` and its standard error (population variance ÷ n), for Monte Carlo checks. */
export function meanAndError(values: ArrayLike<number>): { mean: number; se: number } {
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    sum += v;
    sum2 += v * v;
  }
  const n = values.length;
  const mean = sum / n;
  return { mean, se: Math.sqrt((sum2 / n - mean * mean) / n) };
}
