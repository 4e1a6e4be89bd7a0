import { cheapestPerGroup, type MarketFilter, type RankedOffer, rankOffers } from '../analysis/rankOffers.js';
import { badInput } from '../cli/errors.js';
import { bundled, loadCatalogFile } from '../cli/inputs.js';
import { textTable, usd } from '../cli/table.js';
import { note, warn } from '../cli/terminal.js';
import { referenceIndexes } from '../data/referenceIndexes.js';

export interface OffersOptions {
  readonly catalog?: string;
  readonly gpu?: string;
  readonly region?: string;
  readonly market?: MarketFilter;
  readonly category?: 'Standard' | 'Dynamic' | 'Committed';
  readonly maxPrice?: number;
  readonly groupBy?: 'gpu' | 'market' | 'provider';
  readonly limit: number;
  readonly json?: boolean;
}

export async function runOffers(opts: OffersOptions): Promise<void> {
  const path = opts.catalog ?? bundled.catalog();
  // "No offer matches" would blame the filters for an empty or wholly rejected catalog: that is refused here.
  const [catalog, indexes] = await Promise.all([loadCatalogFile(path, false), referenceIndexes()]);
  if (catalog.accounting.rejected > 0) {
    warn(
      `${catalog.accounting.rejected} of ${catalog.accounting.read} catalog rows were rejected; \`gpufit validate ${path}\` lists them.`,
    );
  }
  let gpu: string | undefined;
  if (opts.gpu !== undefined) {
    const match = indexes.gpuNames.resolve(opts.gpu);
    if (!match.ok) {
      throw badInput(
        `unknown GPU "${opts.gpu}"${match.nearest.length ? `; did you mean ${match.nearest.join(', ')}?` : ''}`,
      );
    }
    gpu = match.gpu;
  }
  const filter = {
    ...(gpu !== undefined && { gpu }),
    ...(opts.region !== undefined && { region: opts.region }),
    ...(opts.market !== undefined && { market: opts.market }),
    ...(opts.category !== undefined && { category: opts.category }),
    ...(opts.maxPrice !== undefined && { maxUsdPerGpuHour: opts.maxPrice }),
  };
  const ranked = opts.groupBy
    ? cheapestPerGroup(catalog.rows, filter, opts.groupBy)
    : rankOffers(catalog.rows, filter);
  const shown = ranked.slice(0, opts.limit);
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify({ matched: ranked.length, offers: shown.map(toJson) }, null, 2)}\n`,
    );
    return;
  }
  if (shown.length === 0) {
    note('No offer matches these filters.');
    return;
  }
  const rows = shown.map((r) => [
    `${r.rank}${r.cheapestReason ? ' *' : ''}`,
    r.offer.gpu,
    `${r.offer.gpusPerInstance}`,
    r.offer.providerName,
    r.offer.market,
    r.offer.pricingCategory + (r.offer.termMonths ? ` ${r.offer.termMonths}mo` : ''),
    r.offer.region + (r.offer.country ? ` (${r.offer.country})` : ''),
    usd(r.offer.usdPerGpuHour, 3),
    usd(r.effectiveUsdPerGpuHour, 3),
    r.offer.asOf,
  ]);
  process.stdout.write(
    `${textTable(['#', 'gpu', 'gpus', 'provider', 'market', 'category', 'region', 'list $/GPU-h', 'effective', 'as of'], rows, new Set([2, 7, 8]))}\n`,
  );
  const best = shown[0]!;
  if (best.cheapestReason) process.stdout.write(`\n* cheapest: ${best.offer.id} — ${best.cheapestReason}.\n`);
  process.stdout.write(
    `${ranked.length} ${opts.groupBy ? `${opts.groupBy} groups (the cheapest offer of each)` : 'offers'} matched; ${shown.length} shown. Effective = list price less the incentive subsidy share.\n`,
  );
}

function toJson(r: RankedOffer) {
  return {
    rank: r.rank,
    cheapestReason: r.cheapestReason,
    effectiveUsdPerGpuHour: r.effectiveUsdPerGpuHour,
    offer: r.offer,
  };
}
