/**
 * Which catalog file version is newer. When two inputs price the same offer (provider, instance type, region,
 * pricing category), the newer catalog's value replaces the older one and the row says what it replaced.
 *
 * How "newer" is judged, per cloud (a commit date where one is known, else the evidence named here):
 * - SkyPilot catalog format versions are sequential (v5 … v9); a higher version is newer.
 * - Within AWS v9, the reference README ("Added 2026-12-01") calls the version behind extra-gpu-prices.csv
 *   (@2c3d7ea7, read 2026-11-24) "the older catalog version" next to the one behind spot-by-zone.csv
 *   (@3e9a1751, read 2026-12-01). Commit dates unknown.
 * - anycloud-sh/catalog@62ff0a98 is dated (commit 2026-05-20, "Update catalogs 2026-05-20"). For GCP it is newer
 *   than SkyPilot v8@006059e0 (commit date unknown): in the anycloud history the H100 us-central1 accelerator spot
 *   rose 3.4565 (2026-04-09) → 3.6293 → 3.8108 → 4.0013 (2026-05-20), and the v8 file's 2.9926 matches no
 *   version since 2026-04-09 (checked in a mirror of anycloud-sh/catalog; on-demand and host prices identical).
 *   For Azure it is newer than SkyPilot v6@098741e7 (a v6 file; the reference README: "looks older than the AWS v9
 *   file").
 * - RunPod: catalog v8 is newer than v7.
 * Sources not listed here (vendor pages, third-party captures) are never ranked against each other.
 */
export interface CatalogVintage {
  /** a substring of the row's `source` */
  readonly match: string;
  /** short name used in notes ("replaces <label> …") */
  readonly label: string;
  /** higher = newer, compared only within one provider */
  readonly rank: number;
}

export const CATALOG_VINTAGES: readonly CatalogVintage[] = [
  {
    match: '@00148f2af3672e2229b4f7bf8157d5a3f36e3c35:catalogs/v8/aws/',
    label: 'SkyPilot catalog v8@00148f2a',
    rank: 1,
  },
  {
    match: '@2c3d7ea7d76bf84cf80d382e946c1609571485fd:catalogs/v9/aws/',
    label: 'SkyPilot catalog v9@2c3d7ea7',
    rank: 2,
  },
  {
    match: '@3e9a1751b1edfb3592877f242c2f8dc10fc1fc6e:catalogs/v9/aws/',
    label: 'SkyPilot catalog v9@3e9a1751',
    rank: 3,
  },
  {
    match: '@006059e0f18acb1341e22a27751e9f80df6ba92f:catalogs/v8/gcp/',
    label: 'SkyPilot catalog v8@006059e0',
    rank: 1,
  },
  {
    match: '@098741e70562f65d7af1cceb81e33b284f742604:catalogs/v6/azure/',
    label: 'SkyPilot catalog v6@098741e7',
    rank: 1,
  },
  {
    match: 'anycloud-sh/catalog@62ff0a987e0c257a89235415d2877812fb1aaf29',
    label: 'anycloud-sh/catalog@62ff0a98 (2026-05-20)',
    rank: 2,
  },
  {
    match: '@0727c2bd9e77f91cb1377127c5f793a28cf01384:catalogs/v7/runpod/',
    label: 'SkyPilot catalog v7@0727c2bd',
    rank: 1,
  },
  {
    match: '@01acdfd419ce5afae1289ff14825b893ced0c196:catalogs/v8/runpod/',
    label: 'SkyPilot catalog v8@01acdfd4',
    rank: 2,
  },
];

export function vintageOf(source: string): CatalogVintage | undefined {
  const hits = CATALOG_VINTAGES.filter((v) => source.includes(v.match));
  if (hits.length > 1) throw new Error(`vintages: ${source} matches more than one catalog version`);
  return hits[0];
}
