import {
  type MarketFilter,
  type OfferFilter,
  offerInPlace,
  offerMatches,
  placeKind,
  providerOffers,
  type RankedOffer,
  rankOffers,
  unpricedNetworksOf,
} from '@gpufit/analysis';
import { notComparedSaid } from '@gpufit/report';
import {
  BLOCS,
  CONTINENTS,
  type ComplianceRequirement,
  calendarDateProblem,
  joinWithAnd,
  nearestNames,
  type Offer,
  type PricingCategory,
  placeCode,
  type UnpricedNetwork,
} from '@gpufit/schema';
import {
  cheapestRegionPerInstance,
  cheapestRowPerGroup,
  cheapestRowReason,
  type OfferRow,
  offerRows,
  type RowGroup,
  type RowPrice,
} from '../catalog/offerRows.js';
import { todayUtc } from '../cli/clock.js';
import { badInput } from '../cli/errors.js';
import { bundled, loadCatalogFile, loadCatalogSelection } from '../cli/inputs.js';
import { textTable, usd } from '../cli/table.js';
import { counted, note, warn } from '../cli/terminal.js';
import { loadNetworks } from '../data/loadReferenceData.js';
import { referenceIndexes } from '../data/referenceIndexes.js';

export interface OffersOptions {
  readonly catalog?: string;
  readonly gpu?: string;
  readonly region?: string;
  readonly market?: MarketFilter;
  readonly category?: PricingCategory;
  /** Every one of these, by the analysis's rule for a workload's compliance (`meetsCompliance`). */
  readonly compliance?: readonly ComplianceRequirement[];
  /** ISO countries or blocs, comma-separated: by the analysis's rule for a workload's residency (`residencyProblem`). */
  readonly residency?: string;
  /** Only offers a multi-node job on InfiniBand may span (`OfferFilter.multiNode`). */
  readonly multiNode?: boolean;
  readonly maxPrice?: number;
  readonly maxAge?: number;
  readonly today?: string;
  readonly allRegions?: boolean;
  readonly groupBy?: RowGroup;
  readonly limit: number;
  readonly json?: boolean;
}

/** One filter as the user gave it: its option text, the filter alone, and why it can match nothing. */
interface GivenFilter {
  readonly label: string;
  readonly filter: OfferFilter;
  readonly nothing: (catalog: readonly Offer[]) => string;
}

export async function runOffers(opts: OffersOptions): Promise<void> {
  const todayProblem = opts.today === undefined ? null : calendarDateProblem(opts.today);
  if (todayProblem !== null) throw badInput(`--today ${opts.today} ${todayProblem}`);
  const path = opts.catalog ?? bundled.catalog();
  const indexes = await referenceIndexes();
  // The tier --gpu names: from a warm catalog cache only its offers are built (an unknown name is refused
  // below, after the catalog's own errors, as before).
  const tier = opts.gpu === undefined ? null : indexes.gpuNames.resolve(opts.gpu);
  const select = tier?.ok ? { gpu: tier.gpu } : null;
  // "No offer matches" would blame the filters for an empty or wholly rejected catalog: that is refused here.
  const { offers: catalog, selected, providers } = await loadCatalogSelection(path, false, select);
  if (catalog.accounting.rejected > 0) {
    warn(
      `${catalog.accounting.rejected} of ${catalog.accounting.read} catalog rows were rejected; \`gpufit validate ${path}\` lists them.`,
    );
  }
  let offers = catalog.rows;
  const given = givenFilters(opts, indexes.gpuNames.resolve.bind(indexes.gpuNames));
  if (selected !== null) {
    // `offers` are the --gpu tier's offers only (given[0] keeps exactly them, in catalog order), so every step
    // below gives what it gives on the whole catalog as long as each other filter matches one of them; when one
    // matches none (or the tier has no offer) its message is about the whole catalog, which is loaded for it.
    if (given[0]?.filter.gpu !== selected.gpu)
      throw new Error('offers: the selection is not the --gpu filter');
    if (offers.length === 0 || given.slice(1).some((g) => !offers.some((o) => offerMatches(o, g.filter))))
      offers = (await loadCatalogFile(path, false)).rows;
  }

  // Each value on its own must match something in the catalog, or it is a mistake worth exit 2.
  for (const g of given) {
    if (!offers.some((o) => offerMatches(o, g.filter)))
      throw badInput(`${g.label} matches no offer in ${path}: ${g.nothing(offers)}`);
  }
  let matched: readonly Offer[] = offers;
  for (const [i, g] of given.entries()) {
    const next = matched.filter((o) => offerMatches(o, g.filter));
    if (next.length === 0) {
      const before = given
        .slice(0, i)
        .map((x) => x.label)
        .join(' ');
      note(
        `No offer matches these filters together: ${counted(matched.length, 'offer')} ${matched.length === 1 ? 'matches' : 'match'} ${before}, and none of ${matched.length === 1 ? 'it' : 'them'} ${g.label}.`,
      );
      if (opts.json) writeJson(opts, [], [], null, 0, null);
      return;
    }
    matched = next;
  }

  const everyRegion = offerRows(matched);
  const rows = opts.groupBy
    ? cheapestRowPerGroup(everyRegion, opts.groupBy)
    : opts.allRegions
      ? everyRegion
      : cheapestRegionPerInstance(everyRegion);
  const shown = rows.slice(0, opts.limit);
  const noun = opts.groupBy ? `${opts.groupBy} group` : 'row';
  const reason = cheapestRowReason(rows, noun);
  // A listing of DePIN offers names the networks of datasets/networks.csv the catalog cannot price (no offer, or none
  // with a USD price), as the report does: absent from the table, or listed as unknown, they were not compared.
  // Null for a listing without DePIN offers (nothing is said of them).
  // From a selected load, what the whole catalog holds of each provider was counted as it was read.
  const notCompared = matched.some((o) => o.market === 'depin')
    ? unpricedNetworksOf(
        selected === null || offers !== catalog.rows
          ? providerOffers(offers)
          : (providers ?? providerOffers((await loadCatalogFile(path, false)).rows)),
        await loadNetworks(),
      )
    : null;
  if (opts.json) {
    writeJson(opts, rows, shown, reason, matched.length, notCompared);
    return;
  }
  process.stdout.write(`${table(shown)}\n`);
  const best = shown[0]!;
  if (reason !== null) process.stdout.write(`\n* cheapest: ${best.ranked.offer.id} — ${reason}.\n`);
  const what = opts.groupBy
    ? `${counted(rows.length, `${opts.groupBy} group`)} (the cheapest row of each)`
    : opts.allRegions
      ? counted(rows.length, 'row')
      : `${counted(rows.length, 'instance type')} (cheapest region of each; --all-regions for every region)`;
  process.stdout.write(
    `${counted(matched.length, 'offer')} matched → ${what}; ${shown.length} shown. Prices per GPU-hour and per instance-hour, as a tenant pays them today (an incentive subsidy is already in a price).\n`,
  );
  if (notCompared !== null) {
    const said = notComparedSaid(notCompared);
    if (said !== null) process.stdout.write(`${said}\n`);
  }
  const gdprInPlace = opts.compliance?.includes('gdpr')
    ? [...new Set(matched.filter((o) => !o.certifications.includes('gdpr')).map((o) => o.providerName))]
    : [];
  if (gdprInPlace.length > 0)
    process.stdout.write(
      `gdpr: the catalog records none for ${joinWithAnd(gdprInPlace)}; their matched offers run inside the EEA on datacenter hosts, which meets gdpr as the analysis reads it (sign the provider's data processing agreement, Art. 28, first).\n`,
    );
}

/** The filters the options give, in the order they narrow the catalog. */
function givenFilters(
  opts: OffersOptions,
  resolve: (name: string) => { ok: true; gpu: string } | { ok: false; nearest: string[] },
): GivenFilter[] {
  const out: GivenFilter[] = [];
  if (opts.gpu !== undefined) {
    const match = resolve(opts.gpu);
    if (!match.ok) {
      throw badInput(
        `unknown GPU "${opts.gpu}"${match.nearest.length ? `; did you mean ${match.nearest.join(', ')}?` : ''}`,
      );
    }
    const tier = match.gpu;
    out.push({
      label: `--gpu ${opts.gpu}${tier === opts.gpu ? '' : ` (tier ${tier})`}`,
      filter: { gpu: tier },
      nothing: (catalog) => {
        const tiers = [...new Set(catalog.map((o) => o.gpu))];
        const near = nearestNames(tier, tiers);
        return `no offer is for ${tier}${near.length ? ` (tiers with offers near it: ${near.join(', ')})` : ''}`;
      },
    });
  }
  if (opts.market !== undefined)
    out.push({
      label: `--market ${opts.market}`,
      filter: { market: opts.market },
      nothing: () => 'no offer is in it',
    });
  if (opts.category !== undefined)
    out.push({
      label: `--category ${opts.category}`,
      filter: { category: opts.category },
      nothing: () => 'no offer has that pricing category',
    });
  if (opts.compliance !== undefined && opts.compliance.length > 0) {
    const wanted = opts.compliance;
    out.push({
      label: `--compliance ${wanted.join(',')}`,
      filter: { compliance: wanted },
      nothing: () =>
        `no offer meets ${joinWithAnd([...wanted])} (the catalog's certifications; gdpr also inside the EEA on datacenter hosts)`,
    });
  }
  if (opts.residency !== undefined) {
    const places = residencyPlaces(opts.residency);
    out.push({
      label: `--residency ${places.join(',')}`,
      filter: { residency: places },
      nothing: () =>
        `no offer can be shown to keep data in ${places.join(' or ')} (a known country inside it; a community host's own word is not enough)`,
    });
  }
  if (opts.multiNode === true)
    out.push({
      label: '--multi-node',
      filter: { multiNode: true },
      nothing: () =>
        "no offer's instances are on an InfiniBand-class fabric (the catalog's interconnect infiniband), which a job of several nodes that needs one must span",
    });
  if (opts.region !== undefined) {
    const place = opts.region;
    out.push({
      label: `--region ${JSON.stringify(place)}`,
      filter: { region: place },
      nothing: (c) => noPlace(place, c),
    });
  }
  if (opts.maxPrice !== undefined) {
    const max = opts.maxPrice;
    out.push({
      label: `--max-price ${max}`,
      filter: { maxUsdPerGpuHour: max },
      nothing: (catalog) => {
        const prices = catalog.map((o) => o.usdPerGpuHour).filter((p): p is number => p !== null);
        return `no offer costs $${max} per GPU-hour or less${prices.length ? ` (the cheapest list price is ${usd(Math.min(...prices), 3)})` : ''}`;
      },
    });
  }
  if (opts.maxAge !== undefined) {
    const today = opts.today ?? todayUtc();
    if (opts.today === undefined)
      note(`--max-age counts days to today, ${today} (--today YYYY-MM-DD to fix it)`);
    const days = opts.maxAge;
    out.push({
      label: `--max-age ${days}`,
      filter: { maxAgeDays: days, today },
      nothing: (catalog) => {
        const newest = catalog.map((o) => o.asOf).sort()[catalog.length - 1];
        return `no offer's as-of is within ${counted(days, 'day')} before ${today}${newest ? ` (the newest is ${newest})` : ''}`;
      },
    });
  }
  return out;
}

/** `--residency`'s places as a workload's `residency` takes them: ISO countries or blocs, upper-cased; else exit 2. */
function residencyPlaces(raw: string): string[] {
  const places = [
    ...new Set(
      raw
        .split(',')
        .map((p) => p.trim().toUpperCase())
        .filter((p) => p.length > 0),
    ),
  ];
  if (places.length === 0) throw badInput('--residency needs at least one ISO country or bloc');
  // The schema's own rule for a workload's residency places (a continent is refused with the bloc to write instead).
  for (const p of places) {
    const parsed = placeCode.safeParse(p);
    if (!parsed.success)
      throw badInput(`--residency ${parsed.error.issues[0]?.message ?? JSON.stringify(p)}`);
  }
  return places;
}

/** Why a region value matched nothing: what it is, and the nearest places that do match. */
function noPlace(place: string, catalog: readonly Offer[]): string {
  const kind = placeKind(place);
  if (kind !== null) return `no offer in the catalog is in that ${kind}`;
  const regions = [...new Set(catalog.map((o) => o.region))];
  const near = nearestNames(place, [...CONTINENTS, ...BLOCS, ...regions]).filter((p) =>
    catalog.some((o) => offerInPlace(o, p)),
  );
  return `it is no offer's region, no ISO country code, no bloc (${BLOCS.join(', ')}) and no continent (${CONTINENTS.join(', ')})${near.length ? `; did you mean ${near.join(', ')}?` : ''}`;
}

function memory(gib: number): string {
  return Number.isInteger(gib) ? `${gib}` : gib.toFixed(1);
}

function table(rows: readonly OfferRow[]): string {
  const committed = rows.some((r) => r.termMonths !== null);
  const price = (p: RowPrice | null, per: 'gpu' | 'instance') =>
    p === null ? '—' : per === 'gpu' ? usd(p.usdPerGpuHour, 3) : usd(p.usdPerInstanceHour, 2);
  const header = [
    '#',
    'gpu',
    'gpus',
    'provider',
    'market',
    'instance',
    'region',
    'hosting',
    'verified',
    ...(committed ? ['term'] : []),
    '$/GPU-h',
    '$/h',
    'spot $/GPU-h',
    'spot $/h',
    'as of',
  ];
  const body = rows.map((r, i) => [
    `${i + 1}${i === 0 && r.rankUsdPerGpuHour !== null ? ' *' : ''}`,
    r.gpu,
    `${r.gpusPerInstance} × ${memory(r.gpuMemoryGiB)} GB`,
    r.provider,
    r.market,
    r.instanceType,
    `${r.region}${r.country && r.country.toLowerCase() !== r.region ? ` (${r.country})` : ''}${r.otherRegions > 0 ? ` +${r.otherRegions}` : ''}`,
    r.hosting,
    r.verified ? 'yes' : '',
    ...(committed ? [r.termMonths === null ? '' : `${r.termMonths} mo`] : []),
    price(r.onDemand, 'gpu'),
    price(r.onDemand, 'instance'),
    price(r.spot, 'gpu'),
    price(r.spot, 'instance'),
    r.asOf,
  ]);
  const first = committed ? 10 : 9;
  const right = new Set([first, first + 1, first + 2, first + 3]);
  return textTable(header, body, right);
}

function priceJson(p: RowPrice | null) {
  if (p === null) return null;
  return {
    id: p.offer.id,
    pricingCategory: p.offer.pricingCategory,
    usdPerGpuHour: p.usdPerGpuHour,
    usdPerInstanceHour: p.usdPerInstanceHour,
    effectiveUsdPerGpuHour: p.effectiveUsdPerGpuHour,
    usdPerGpuHourMin: p.offer.usdPerGpuHourMin,
    usdPerGpuHourMax: p.offer.usdPerGpuHourMax,
    asOf: p.offer.asOf,
  };
}

function writeJson(
  opts: OffersOptions,
  rows: readonly OfferRow[],
  shown: readonly OfferRow[],
  reason: string | null,
  matched: number,
  notCompared: readonly UnpricedNetwork[] | null,
): void {
  const shownOffers = shown.flatMap((r) => [r.onDemand, r.spot].filter((p): p is RowPrice => p !== null));
  const ranked: RankedOffer[] = rankOffers(
    shownOffers.map((p) => p.offer),
    {},
  );
  process.stdout.write(
    `${JSON.stringify(
      {
        matched,
        rowsMatched: rows.length,
        allRegions: opts.allRegions ?? false,
        groupBy: opts.groupBy ?? null,
        cheapest: shown[0] && reason !== null ? { id: shown[0].ranked.offer.id, reason } : null,
        rows: shown.map((r, i) => ({
          rank: i + 1,
          gpu: r.gpu,
          gpusPerInstance: r.gpusPerInstance,
          gpuMemoryGiB: r.gpuMemoryGiB,
          provider: r.provider,
          market: r.market,
          instanceType: r.instanceType,
          region: r.region,
          country: r.country,
          otherRegions: r.otherRegions,
          hosting: r.hosting,
          verified: r.verified,
          termMonths: r.termMonths,
          onDemand: priceJson(r.onDemand),
          spot: priceJson(r.spot),
          asOf: r.asOf,
        })),
        offers: ranked.map((r) => ({
          rank: r.rank,
          cheapestReason: r.cheapestReason,
          effectiveUsdPerGpuHour: r.effectiveUsdPerGpuHour,
          offer: r.offer,
        })),
        unpricedNetworks: notCompared,
      },
      null,
      2,
    )}\n`,
  );
}
