/** The catalog compile: reference CSVs in, datasets/ files out (no I/O but reading the inputs). */
import path from 'node:path';
import { MARKETS, PRICING_CATEGORIES } from '@gpufit/schema';
import { GPU_ALIASES } from '../data/gpu-aliases';
import { REQUIRED_GPUS } from '../data/required-gpus';
import { coverageMarkdown } from './coverage';
import { csvText, type Row, readCsv } from './csvio';
import { deriveRows } from './derive';
import { fillGpuMemory } from './fillGpuMemory';
import { finalize, regionRows } from './finalize';
import { withGenerated } from './markdown';
import { newestPerOffer, withoutAtypicalPrices } from './newestPerOffer';
import { Ledger, OFFER_COLUMNS } from './offer';
import { fromPriceList, type LambdaCatalogKey } from './priceList';
import { fromSkypilot } from './skypilot';
import { fromSpotByZone } from './spotByZone';
import { ALIAS_COLUMNS, aliasRows, NETWORK_COLUMNS, networkRows, TIER_COLUMNS, tierRows } from './tables';

/** The input files, in the order they are read and logged. */
export const INPUTS = {
  skypilot: 'skypilot-gpu-offers.csv',
  extra: 'extra-gpu-prices.csv',
  depin: 'depin-marketplace-prices.csv',
  spotByZone: 'spot-by-zone.csv',
} as const;

/** Raw GPU names per input file and the column that holds them. */
const GPU_COLUMN: Record<keyof typeof INPUTS, string> = {
  skypilot: 'accelerator',
  extra: 'gpu',
  depin: 'gpu',
  spotByZone: 'gpu',
};

function checkAliasesCoverRawNames(inputs: Record<keyof typeof INPUTS, readonly Row[]>): void {
  const known = new Set(GPU_ALIASES.map(([a]) => a.toLowerCase()));
  const raw = new Set<string>();
  for (const [k, rows] of Object.entries(inputs) as [keyof typeof INPUTS, readonly Row[]][])
    for (const r of rows) raw.add(r[GPU_COLUMN[k]] ?? '');
  const missing = [...raw].filter((n) => n !== '' && !known.has(n.toLowerCase())).sort();
  if (missing.length > 0) throw new Error(`gpu-aliases.ts misses raw names: ${missing.join(', ')}`);
}

/**
 * Everything the build writes, by file name (README.md = `readmeTemplate` with its generated section replaced), its
 * log and the per-file ledgers. Reads only the four input files in `reference`.
 */
export function compileCatalog(
  reference: string,
  readmeTemplate: string,
): { files: Record<string, string>; log: string[]; ledgers: Ledger[] } {
  const read = (name: string) => readCsv(path.join(reference, name));
  const inputs = {
    skypilot: read(INPUTS.skypilot),
    extra: read(INPUTS.extra),
    depin: read(INPUTS.depin),
    spotByZone: read(INPUTS.spotByZone),
  };
  checkAliasesCoverRawNames(inputs);

  const ledgers = {
    skypilot: new Ledger(INPUTS.skypilot),
    extra: new Ledger(INPUTS.extra),
    depin: new Ledger(INPUTS.depin),
    spotByZone: new Ledger(INPUTS.spotByZone),
  };
  const fromSky = fromSkypilot(inputs.skypilot, ledgers.skypilot);
  const lambdaCatalog: LambdaCatalogKey[] = fromSky
    .filter(
      (d) =>
        d.provider === 'lambda' &&
        d.pricingCategory === 'Standard' &&
        !d.notes.some((n) => n.startsWith('via Shadeform')),
    )
    .map((d) => ({ gpu: d.gpu, count: d.gpusPerInstance, usdPerGpuHour: d.usdPerGpuHour as number }));
  const fromExtra = fromPriceList(inputs.extra, ledgers.extra, lambdaCatalog);
  const fromDepin = fromPriceList(inputs.depin, ledgers.depin, lambdaCatalog);
  const sbz = fromSpotByZone(inputs.spotByZone, ledgers.spotByZone);

  const newest = newestPerOffer(
    fillGpuMemory([...fromSky, ...fromExtra, ...fromDepin, ...sbz.drafts]),
    sbz.withdrawals,
  );
  const typical = withoutAtypicalPrices(newest.kept);
  const base = typical.kept;
  const removed = [...newest.removed, ...typical.removed];
  const { rows: derived, withheld } = deriveRows(base, INPUTS.skypilot);
  const all = [...base, ...derived];
  const { rows: offers, collisions } = finalize(all);

  for (const l of Object.values(ledgers)) {
    l.settle(base, removed);
    l.checkBalanced();
  }
  const ids = new Set(offers.map((o) => o.id));
  if (ids.size !== offers.length) throw new Error('offers.csv: duplicate ids');
  for (const g of REQUIRED_GPUS)
    if (!offers.some((o) => o.gpu === g)) throw new Error(`coverage: no offer for required GPU ${g}`);
  for (const m of MARKETS)
    for (const c of PRICING_CATEGORIES) {
      if (m === 'depin' && c === 'Committed') continue; // no DePIN commitment price or discount is in the reference
      if (!offers.some((o) => o.market === m && o.pricingCategory === c))
        throw new Error(`coverage: no ${m} ${c} offer`);
    }

  const regions = regionRows(offers, all);
  const tiers = tierRows();
  const aliases = aliasRows();
  const networks = networkRows();

  const log: string[] = [];
  for (const l of Object.values(ledgers)) {
    log.push(`${l.file}: read ${l.read} rows = used ${l.used} + dropped ${l.droppedTotal}`);
    log.push(
      `  offers from used rows: Standard ${l.written.Standard}, Dynamic ${l.written.Dynamic}, Committed ${l.written.Committed}`,
    );
    for (const [reason, n] of [...l.dropped].sort()) log.push(`  dropped ${n}: ${reason}`);
    for (const [reason, n] of [...l.skippedPrices].sort()) log.push(`  price not written ${n}: ${reason}`);
  }
  const derivedBy = (c: string) => derived.filter((d) => d.pricingCategory === c).length;
  log.push(
    `derived rows (sourced discounts): ${derived.length} = Dynamic ${derivedBy('Dynamic')} (Vast interruptible) + Committed ${derivedBy('Committed')}; Vast interruptible withheld ${withheld} (the GPU's observed interruptible floor is not below the row's on-demand price)`,
  );
  log.push(`older catalog prices replaced by a newer catalog version: ${newest.removed.length}`);
  log.push(`id collisions resolved with a numeric suffix: ${collisions}`);
  const fromFile = Object.values(ledgers)
    .map((l) => `${base.filter((d) => d.origin.file === l.file).length} from ${l.file}`)
    .join(' + ');
  log.push(
    `offers.csv: ${offers.length} rows written (= ${fromFile} + ${derived.length} derived); price unknown: ${offers.filter((o) => o.usdPerGpuHour === '').length}`,
  );
  log.push(
    `regions.csv: ${regions.length} rows; gpu-tiers.csv: ${tiers.length}; gpu-aliases.csv: ${aliases.length}; networks.csv: ${networks.length}`,
  );

  return {
    files: {
      'offers.csv': csvText(OFFER_COLUMNS, offers),
      'regions.csv': csvText(['provider', 'region', 'country', 'blocs', 'continent', 'notes'], regions),
      'gpu-tiers.csv': csvText(TIER_COLUMNS, tiers),
      'gpu-aliases.csv': csvText(ALIAS_COLUMNS, aliases),
      'networks.csv': csvText(NETWORK_COLUMNS, networks),
      'README.md': withGenerated(
        readmeTemplate,
        'coverage',
        coverageMarkdown(offers, log),
        'datasets/scripts/compile-offers.ts',
      ),
    },
    log,
    ledgers: Object.values(ledgers),
  };
}
