import type { GpuTier } from '@gpufit/analysis';
import type { Accounting } from '@gpufit/schema';
import {
  type Market,
  nearestNames,
  type Offer,
  type OfferInput,
  spotNearOnDemand,
  type ValidationIssue,
  validateOffer,
} from '@gpufit/schema';
import { loadGpuTiers } from '../data/loadReferenceData.js';
import { referenceIndexes } from '../data/referenceIndexes.js';
import { type GpuNameIndex, type GpuNameMatch, gpuNameKey, unknownGpuReason } from '../io/gpuNameIndex.js';
import { INPUT_LIMITS } from '../io/inputLimits.js';
import { LoadError } from '../io/loadError.js';
import type { LoadRejection, LoadSource, LoadWarning } from '../io/loadTypes.js';
import { readCsvRows, sourceName } from '../io/readCsvRows.js';
import type { RegionIndex } from '../io/regionIndex.js';
import { rejectionFromIssues } from '../io/rowLedger.js';
import { marketOfCloud } from './cloudMarkets.js';
import { fmt, slug } from './offerIdParts.js';
import { gpuMemoryGiBFromGpuInfo } from './skyPilotGpuInfo.js';
import { countryInRegionText, isStandardZone, skyPilotRegionId } from './skyPilotRegion.js';
import { spreadOf } from './spread.js';

/** Columns of SkyPilot's `vms.csv` the importer reads; others (`Arch`, …) are ignored, as catalogs add them. */
export const SKYPILOT_COLUMNS = [
  'InstanceType',
  'AcceleratorName',
  'AcceleratorCount',
  'vCPUs',
  'MemoryGiB',
  'GpuInfo',
  'Price',
  'SpotPrice',
  'Region',
  'AvailabilityZone',
] as const;
const REQUIRED = ['InstanceType', 'AcceleratorName', 'AcceleratorCount', 'Price', 'Region'] as const;

/**
 * The host VM an accelerator-only row (GCP: empty InstanceType, price of the accelerators alone) runs on:
 * `accelerator` (any known spelling) × `count` in `region` is attached to `instanceType`, whose own price
 * (without GPUs) is `usdPerHour`, and `spotUsdPerHour` under spot (null/absent: unknown, so no Dynamic offer).
 */
export interface SkyPilotHostPrice {
  readonly accelerator: string;
  readonly count: number;
  readonly region: string;
  readonly instanceType: string;
  readonly usdPerHour: number;
  readonly spotUsdPerHour?: number | null;
}

export interface SkyPilotImportOptions {
  /** Catalog cloud name; becomes the offers' `provider` (`aws`, `gcp`, `lambda`, `vast`, …). */
  readonly cloud: string;
  /** Provenance written on every offer, e.g. `skypilot-org/skypilot-catalog@<commit>:catalogs/v8/aws/vms.csv`. */
  readonly source: string;
  /** Date the prices were read, `YYYY-MM-DD` or `YYYY-MM`. */
  readonly asOf: string;
  /** Market of the offers (default: by cloud, see `SKYPILOT_CLOUD_MARKETS`). */
  readonly market?: Market;
  readonly hostPrices?: readonly SkyPilotHostPrice[];
  /** Fail on the first malformed row (syntax, ragged, bad number, unknown GPU, invalid offer). */
  readonly strict?: boolean;
  readonly fileName?: string;
  readonly gpuNames?: GpuNameIndex;
  readonly regions?: RegionIndex;
  /** Tier memory used when a row has no `GpuInfo` memory (default: the bundled gpu-tiers.csv). */
  readonly gpuTiers?: readonly GpuTier[];
  readonly datasetsDir?: string;
}

export interface SkyPilotImport {
  readonly file: string;
  /** Standard offers from `Price`, Dynamic offers from `SpotPrice`, per GPU. */
  readonly offers: Offer[];
  readonly rejected: LoadRejection[];
  /** Rows of the file: accepted = rows that priced at least one offer. */
  readonly accounting: Accounting;
  readonly blankRows: number;
  readonly warnings: LoadWarning[];
}

/** Rejections that are the importer's rules, not bad data: `strict` does not stop on them. */
const POLICY_CODES = new Set(['no-accelerator', 'fractional-gpu', 'no-host-price', 'no-price']);

interface Group {
  readonly rows: { row: number; line: number }[];
  readonly instanceType: string;
  readonly gpu: string;
  readonly count: number;
  readonly region: string;
  readonly regionRaw: string;
  readonly memoryGiB: number;
  readonly host: SkyPilotHostPrice | null;
  readonly tierNote: string | null;
  prices: number[];
  spots: number[];
  localSpotZones: number;
  /** Zone rows whose spot price equals their on-demand price: the catalog's placeholder, not a spot price. */
  placeholderSpotZones: number;
}

/**
 * Some catalogs name a generic accelerator but state the variant in the instance name (Vast
 * `1x-H100_NVL-32-65536` has AcceleratorName `H100`; `2x-RTX_4070S_Ti-…` says `RTX4070`). A `-`-separated part
 * of InstanceType that the alias table knows, naming a tier that starts with the accelerator's own name, wins.
 */
function refineByInstanceName(
  gpus: GpuNameIndex,
  accelerator: string,
  instanceType: string,
  match: GpuNameMatch,
): GpuNameMatch & { readonly note?: string } {
  if (!match.ok || instanceType === '') return match;
  const prefix = gpuNameKey(accelerator);
  for (const part of instanceType.split('-')) {
    if (gpuNameKey(part) === prefix) continue;
    const m = gpus.resolve(part);
    if (m.ok && m.gpu !== match.gpu && gpuNameKey(m.gpu).startsWith(prefix)) {
      return {
        ok: true,
        gpu: m.gpu,
        note: `tier ${m.gpu} from the instance name (${part}); catalog AcceleratorName ${accelerator}`,
      };
    }
  }
  return match;
}

function parsePrice(cell: string): number | null | 'invalid' {
  const t = cell.trim();
  if (t === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return 'invalid';
  const x = Number(t);
  if (!Number.isFinite(x) || x < 0) return 'invalid';
  return x === 0 ? null : x;
}

/**
 * A per-GPU price from an instance price: the division, then one rounding to 12 significant digits, which
 * drops float noise (`12.9837 / 8` is stored as 1.6229625, not 1.6229624999999999) and no real digit.
 */
function perGpuPrice(instanceUsdPerHour: number, gpus: number): number {
  return Number((instanceUsdPerHour / gpus).toPrecision(12));
}

/**
 * Imports SkyPilot's public catalog format (`catalogs/v8/<cloud>/vms.csv` and other versions) into offers, applying the catalog's
 * quirks (../shared/reference/README.md):
 * - per-GPU price = Price ÷ AcceleratorCount; a fractional or non-integer count (AWS g6f: 0.25 L4) is rejected
 *   as "fractional GPU", never turned into a per-GPU price;
 * - one row per availability zone is merged per (instance, GPU, count, region, memory): on-demand = the lowest
 *   zone price; spot = the median over the standard zones that list a spot price (AWS local/Wavelength zones
 *   left out), with the lowest and highest as `usdPerGpuHourMin/Max` and their count as `zonesWithSpot` (the
 *   same rule as the bundled catalog compile, issue 15 §1);
 * - a zone's SpotPrice empty, 0 or equal to its Price lists no spot price (spot equal to on-demand is the
 *   catalog's placeholder); no zone listing one, or a median equal to on-demand → no Dynamic offer;
 * - rows with an empty InstanceType (GCP accelerator-only prices) need `hostPrices`; without a matching host the
 *   row is rejected with a reason, never priced without its VM; an accelerator-only on-demand price within 5 % of
 *   its own spot median, or below it, is another SKU (GCP's spot is 50–70 % off; SkyPilot's GCP catalog lists
 *   A100-80GB in us-central1 at $1.8462 on-demand and $1.964 spot): no Standard offer, and a warning names it;
 * - GPU names go through the alias table (unknown → rejected with the nearest known names); memory per GPU
 *   comes from the GpuInfo literal; the region's country from regions.csv (or Vast's "place, CC, continent").
 * CPU-only rows are rejected as "no accelerator". `accounting` counts rows; `offers` may hold two per row group.
 */
export async function importSkyPilot(
  source: LoadSource,
  options: SkyPilotImportOptions,
): Promise<SkyPilotImport> {
  const file = sourceName(source, options.fileName);
  const cloud = options.cloud.trim().toLowerCase();
  const needIndexes = options.gpuNames === undefined || options.regions === undefined;
  const dsOpts = options.datasetsDir === undefined ? {} : { datasetsDir: options.datasetsDir };
  const indexes = needIndexes ? await referenceIndexes(dsOpts) : undefined;
  const gpus = options.gpuNames ?? indexes!.gpuNames;
  const regions = options.regions ?? indexes!.regions;
  const tiers = options.gpuTiers ?? (await loadGpuTiers(dsOpts));
  const tierMemory = new Map(tiers.map((t) => [t.gpu, t.memoryGiB]));
  const market = options.market ?? marketOfCloud(cloud);

  const hosts = new Map<string, SkyPilotHostPrice>();
  for (const h of options.hostPrices ?? []) {
    const m = gpus.resolve(h.accelerator);
    const tier = m.ok ? m.gpu : h.accelerator;
    hosts.set(`${tier}\u0000${h.count}\u0000${skyPilotRegionId(h.region)}`, h);
  }

  let read = 0;
  let header: string[] | undefined;
  let col: Record<string, number> = {};
  const rejected: LoadRejection[] = [];
  /** Accelerator-only row groups whose on-demand price is doubted (see the function comment). */
  const doubtedGroups: string[] = [];
  const warnings: LoadWarning[] = [];
  const groups = new Map<string, Group>();
  const stats = { blankRows: 0 };

  const reject = (
    r: { row: number; line: number | null },
    code: string,
    column: string | null,
    reason: string,
    issues: readonly ValidationIssue[] = [],
  ) => {
    const rejection: LoadRejection = { file, row: r.row, line: r.line, code, column, reason, issues };
    if (options.strict && !POLICY_CODES.has(code)) {
      throw new LoadError({ code, file, row: r.row, column, reason });
    }
    rejected.push(rejection);
  };

  for await (const batch of readCsvRows(source, file, stats, INPUT_LIMITS.importCsv)) {
    for (const r of batch) {
      if (header === undefined) {
        if (r.problem)
          throw new LoadError({
            code: r.problem.code,
            file,
            row: r.row,
            column: null,
            reason: `header: ${r.problem.reason}`,
          });
        header = r.cells.map((c) => c.trim());
        col = Object.fromEntries(header.map((h, i) => [h, i]));
        const missing = REQUIRED.filter((c) => col[c] === undefined);
        if (missing.length > 0) {
          const hints = missing.map((m) => {
            const near = nearestNames(m, header!, 1);
            return near.length > 0 ? `${m} (is "${near[0]}" it?)` : m;
          });
          throw new LoadError({
            code: 'missing-column',
            file,
            row: r.row,
            column: missing[0]!,
            reason: `not a SkyPilot vms.csv header: missing ${hints.join(', ')}; expected columns ${SKYPILOT_COLUMNS.join(', ')}`,
          });
        }
        continue;
      }
      read++;
      if (r.problem) {
        reject(r, r.problem.code, null, r.problem.reason);
        continue;
      }
      if (r.cells.length !== header.length) {
        reject(
          r,
          'ragged',
          null,
          `the row has ${r.cells.length} cells but the header has ${header.length} columns`,
        );
        continue;
      }
      const cell = (name: string): string => {
        const i = col[name];
        return i === undefined ? '' : r.cells[i]!.trim();
      };
      const accelerator = cell('AcceleratorName');
      if (accelerator === '') {
        reject(
          r,
          'no-accelerator',
          'AcceleratorName',
          'no accelerator (CPU-only instance type or host VM): not a GPU offer',
        );
        continue;
      }
      const countCell = cell('AcceleratorCount');
      const count = Number(countCell);
      if (countCell === '' || !Number.isFinite(count) || count <= 0) {
        reject(
          r,
          'invalid',
          'AcceleratorCount',
          `AcceleratorCount must be a number above 0; got ${JSON.stringify(countCell)}`,
        );
        continue;
      }
      if (!Number.isInteger(count)) {
        reject(
          r,
          'fractional-gpu',
          'AcceleratorCount',
          `fractional GPU (AcceleratorCount ${countCell}), not a per-GPU price: Price ÷ ${countCell} would overstate what a whole GPU costs`,
        );
        continue;
      }
      const match = refineByInstanceName(gpus, accelerator, cell('InstanceType'), gpus.resolve(accelerator));
      if (!match.ok) {
        reject(
          r,
          'unknown-gpu',
          'AcceleratorName',
          unknownGpuReason('AcceleratorName', accelerator, match.nearest),
        );
        continue;
      }
      const price = parsePrice(cell('Price'));
      if (price === 'invalid') {
        reject(
          r,
          'invalid',
          'Price',
          `Price must be a number ≥ 0 (USD per instance-hour); got ${JSON.stringify(cell('Price'))}`,
        );
        continue;
      }
      const spot = parsePrice(cell('SpotPrice'));
      if (spot === 'invalid') {
        reject(
          r,
          'invalid',
          'SpotPrice',
          `SpotPrice must be a number ≥ 0 or empty; got ${JSON.stringify(cell('SpotPrice'))}`,
        );
        continue;
      }
      const regionRaw = cell('Region');
      if (regionRaw === '') {
        reject(r, 'invalid', 'Region', 'Region is empty');
        continue;
      }
      const region = skyPilotRegionId(regionRaw);
      let instanceType = cell('InstanceType');
      let host: SkyPilotHostPrice | null = null;
      if (instanceType === '') {
        host = hosts.get(`${match.gpu}\u0000${count}\u0000${region}`) ?? null;
        if (host === null) {
          reject(
            r,
            'no-host-price',
            'InstanceType',
            `accelerator-only row (empty InstanceType): its price excludes the host VM and no host price was given for ${accelerator} × ${count} in ${regionRaw}; pass it in hostPrices`,
          );
          continue;
        }
        instanceType = host.instanceType;
      }
      let memoryGiB: number | null;
      try {
        memoryGiB = gpuMemoryGiBFromGpuInfo(cell('GpuInfo'), count);
      } catch (error) {
        reject(
          r,
          'invalid',
          'GpuInfo',
          `GpuInfo is not a SkyPilot GPU description: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      memoryGiB ??= tierMemory.get(match.gpu) ?? null;
      if (memoryGiB === null) {
        reject(
          r,
          'invalid',
          'GpuInfo',
          `no GPU memory in GpuInfo and tier ${match.gpu} has none in gpu-tiers.csv`,
        );
        continue;
      }
      const key = [instanceType, match.gpu, count, region, memoryGiB].join('\u0000');
      let g = groups.get(key);
      if (g === undefined) {
        g = {
          rows: [],
          instanceType,
          gpu: match.gpu,
          count,
          region,
          regionRaw,
          memoryGiB,
          host,
          tierNote: match.note ?? null,
          prices: [],
          spots: [],
          localSpotZones: 0,
          placeholderSpotZones: 0,
        };
        groups.set(key, g);
      }
      g.rows.push({ row: r.row, line: r.line });
      if (price !== null) g.prices.push(price);
      if (spot !== null) {
        if (!isStandardZone(cell('AvailabilityZone'))) g.localSpotZones++;
        else if (spot === price) g.placeholderSpotZones++;
        else g.spots.push(spot);
      }
    }
  }

  const perZone = col['AvailabilityZone'] !== undefined;
  const offers: Offer[] = [];
  const ids = new Set<string>();
  let accepted = 0;
  for (const g of groups.values()) {
    const made: Offer[] = [];
    const problems: ValidationIssue[] = [];
    const price = g.prices.length > 0 ? Math.min(...g.prices) : null;
    const spots = g.spots.length > 0 ? spreadOf(g.spots) : null;
    const spot = spots?.median ?? null;
    const zones = g.rows.length;
    const country = regions.countryOf(cloud, g.region) ?? countryInRegionText(g.regionRaw);
    const build = (
      category: 'Standard' | 'Dynamic',
      instancePrice: number,
      hostPrice: number | null,
    ): void => {
      const perGpu = perGpuPrice(instancePrice + (hostPrice ?? 0), g.count);
      // Spot over a region's zones: the median is the price, the lowest and highest its spread.
      const spread =
        category === 'Dynamic' && perZone && spots !== null
          ? {
              usdPerGpuHourMin: perGpuPrice(spots.min + (hostPrice ?? 0), g.count),
              usdPerGpuHourMax: perGpuPrice(spots.max + (hostPrice ?? 0), g.count),
              zonesWithSpot: spots.count,
            }
          : {};
      const what = category === 'Standard' ? 'on-demand' : 'spot';
      const notes = [
        hostPrice === null
          ? `per-GPU = ${what} $${fmt(instancePrice)}/h per instance ÷ ${g.count} GPU`
          : `per-GPU = (${what} accelerators $${fmt(instancePrice)}/h + host ${g.instanceType} $${fmt(hostPrice)}/h) ÷ ${g.count} GPU`,
      ];
      if (category === 'Dynamic' && spots !== null && spots.count > 1)
        notes.push(
          `spot = median over ${spots.count} zones listing a spot price ($${fmt(spots.min)}–$${fmt(spots.max)}/h per instance)`,
        );
      if (category === 'Dynamic' && g.placeholderSpotZones > 0)
        notes.push(`${g.placeholderSpotZones} zone rows with spot equal to on-demand left out`);
      if (zones > 1 && category === 'Standard' && new Set(g.prices).size > 1) {
        notes.push(
          `lowest of ${g.prices.length} listed prices ($${fmt(Math.min(...g.prices))}–$${fmt(Math.max(...g.prices))}/h)`,
        );
      }
      if (g.localSpotZones > 0 && category === 'Dynamic')
        notes.push(`${g.localSpotZones} local-zone spot rows left out`);
      if (g.tierNote) notes.push(g.tierNote);
      notes.push('imported from SkyPilot vms.csv');
      let id = `${cloud}:${slug(g.instanceType)}:${g.region}:${category.toLowerCase()}`;
      for (let n = 2; ids.has(id); n++)
        id = `${cloud}:${slug(g.instanceType)}:${g.region}:${category.toLowerCase()}-${n}`;
      const input: OfferInput = {
        id,
        provider: cloud,
        market,
        instanceType: g.instanceType,
        gpu: g.gpu,
        gpuMemoryGiB: g.memoryGiB,
        gpusPerInstance: g.count,
        region: g.region,
        ...(country === null ? {} : { country }),
        pricingCategory: category,
        usdPerGpuHour: perGpu,
        ...spread,
        source: options.source,
        asOf: options.asOf,
        notes: notes.join('; '),
      };
      const v = validateOffer(input);
      if (v.ok) {
        ids.add(id);
        made.push(v.value);
      } else {
        problems.push(...v.issues);
      }
    };
    // An accelerator-only "on-demand" price within 5 % of its own spot, or below it, is no on-demand price (a
    // spot equal to it is the catalog's placeholder for "no spot price", not a doubt).
    const doubted =
      g.host !== null && price !== null && spot !== null && spot !== price && spotNearOnDemand(spot, price);
    if (doubted) doubtedGroups.push(`${g.instanceType} ${g.region} ($${fmt(price)}/h, spot $${fmt(spot)}/h)`);
    if (price !== null && !doubted) build('Standard', price, g.host ? g.host.usdPerHour : null);
    if (spot !== null && spot !== price) {
      const hostSpot = g.host ? (g.host.spotUsdPerHour ?? null) : null;
      if (g.host === null || hostSpot !== null) build('Dynamic', spot, hostSpot);
    }
    if (problems.length > 0) {
      for (const r of g.rows) {
        const rej = rejectionFromIssues(file, r.row, r.line, 'invalid', problems);
        reject(r, rej.code, rej.column, rej.reason, problems);
      }
      continue;
    }
    if (made.length === 0) {
      const reason =
        price === null && spot === null
          ? 'no price: Price and SpotPrice are empty or 0'
          : doubted
            ? 'no usable price: the on-demand Price is within 5 % of the spot price or below it (another SKU, not written) and no host spot price was given for the spot offer'
            : 'no usable price: Price is empty or 0 and the spot price equals it or has no host spot price';
      for (const r of g.rows) reject(r, 'no-price', 'Price', reason);
      continue;
    }
    offers.push(...made);
    accepted += g.rows.length;
  }

  if (doubtedGroups.length > 0)
    warnings.push({
      code: 'doubted-price',
      file,
      message: `${file}: ${doubtedGroups.length} accelerator-only price${doubtedGroups.length === 1 ? '' : 's'} list on-demand within 5 % of spot or below it, which is another SKU (a flex or committed price), not on-demand: no on-demand offer written for ${doubtedGroups.join('; ')}`,
    });
  if (header === undefined)
    warnings.push({
      code: 'empty-file',
      file,
      message: `${file} is empty (no header row): nothing was imported`,
    });
  else if (read === 0)
    warnings.push({
      code: 'no-data-rows',
      file,
      message: `${file} has a header but no rows: nothing was imported`,
    });
  rejected.sort((a, b) => a.row - b.row);
  if (read !== accepted + rejected.length)
    throw new Error('importSkyPilot: accounting broken (read ≠ accepted + rejected)');
  return {
    file,
    offers,
    rejected,
    accounting: { read, accepted, rejected: rejected.length },
    blankRows: stats.blankRows,
    warnings,
  };
}
