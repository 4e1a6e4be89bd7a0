import { formatMinorUnits, roundingModes, toMinorUnits } from '@gpufit/schema';

/** USD to the cent (half to even), as sentences print it: "$1,234.50". */
export function usd(x: number): string {
  const cents = toMinorUnits(x, { mode: roundingModes.halfEven, scale: 2 });
  return `$${formatMinorUnits(cents, { scale: 2, grouping: ',' })}`;
}

/** USD to the cent (half to even) as a number: the figure `usd` prints, 1234.5 for "$1,234.50". */
export function usdCents(x: number): number {
  return toMinorUnits(x, { mode: roundingModes.halfEven, scale: 2 }) / 100;
}
