import { formatMinorUnits, roundingModes, toMinorUnits } from '@gpufit/schema';

/** USD to the cent (half to even), as sentences print it: "$1,234.50". */
export function usd(x: number): string {
  const cents = toMinorUnits(x, { mode: roundingModes.halfEven, scale: 2 });
  return `$${formatMinorUnits(cents, { scale: 2, grouping: ',' })}`;
}
