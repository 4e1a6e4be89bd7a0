import { continentOf } from '@gpufit/schema';

/** The continent codes `vastai search offers … georegion=true` appends to a geolocation (`US, NA`). */
const VAST_CONTINENT_CODES = new Set(['AF', 'AS', 'EU', 'LC', 'NA', 'OC']);

/**
 * The ISO-3166 country of a Vast `geolocation`: `US`, `California, US`, or with the CLI's continent suffix
 * `California, US, NA` (then `NA` is North America, not Namibia). Null when no known country code is there.
 */
export function vastCountry(geolocation: string): string | null {
  const parts = geolocation
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const code = (p: string | undefined) => (p !== undefined && /^[A-Z]{2}$/.test(p) ? p : null);
  const last = code(parts[parts.length - 1]);
  const before = code(parts[parts.length - 2]);
  const country = before !== null && last !== null && VAST_CONTINENT_CODES.has(last) ? before : last;
  return country !== null && continentOf(country) !== null ? country : null;
}
