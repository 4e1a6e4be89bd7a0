/**
 * A catalog region as an offer region id: codes (`us-east-1`, `eu-north1`) stay as they are; free text such as
 * Vast's "Bács-Kiskun, HU, EU" becomes a lowercase ASCII slug (`bacs-kiskun-hu-eu`), the spelling regions.csv
 * uses.
 */
export function skyPilotRegionId(raw: string): string {
  const t = raw.trim();
  if (/^[a-z0-9-]+$/.test(t)) return t;
  return t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The country a free-text region names in SkyPilot's "place, CC, continent" form (Vast), if any. */
export function countryInRegionText(raw: string): string | null {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length !== 3) return null;
  return /^[A-Z]{2}$/.test(parts[1]!) ? parts[1]! : null;
}

/**
 * Whether an availability zone is a standard one. AWS local and Wavelength zones (`usw2-lax1-az1`,
 * `usw2-wl1-las-wlz1`) price spot differently and are left out of a region's spot minimum, as the reference
 * catalog extraction did.
 */
export function isStandardZone(zone: string): boolean {
  const z = zone.trim();
  if (z === '' || /^[a-z]+\d+-az\d+$/.test(z)) return true;
  return !/-az\d+$|-wlz\d+$/.test(z);
}
