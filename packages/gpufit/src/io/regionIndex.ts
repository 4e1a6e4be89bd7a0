/** Looks up the country of a provider's region (`regions.csv`): exact region first, then case-insensitive. */
export interface RegionIndex {
  countryOf(provider: string, region: string): string | null;
}

export function buildRegionIndex(
  regions: readonly { readonly provider: string; readonly region: string; readonly country: string | null }[],
): RegionIndex {
  const exact = new Map<string, string | null>();
  const folded = new Map<string, string | null>();
  for (const r of regions) {
    const provider = r.provider.toLowerCase();
    exact.set(`${provider}\u0000${r.region}`, r.country);
    const key = `${provider}\u0000${r.region.toLowerCase()}`;
    if (!folded.has(key)) folded.set(key, r.country);
  }
  return {
    countryOf(provider, region) {
      const p = provider.toLowerCase();
      const hit = exact.get(`${p}\u0000${region}`);
      if (hit !== undefined) return hit;
      return folded.get(`${p}\u0000${region.toLowerCase()}`) ?? null;
    },
  };
}
