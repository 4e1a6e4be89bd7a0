/**
 * Builds every generated file in datasets/ from ../shared/reference/ only:
 *   offers.csv, regions.csv, gpu-tiers.csv, gpu-aliases.csv, networks.csv
 * and rewrites the measured coverage + build-log section of datasets/README.md.
 * Deterministic: no clock, no randomness, rows sorted by a stable key.
 *
 *   npx tsx datasets/scripts/compile-offers.ts
 */
import path from 'node:path';
import { MARKETS, PRICING_CATEGORIES } from '@gpufit/schema';
import { GPU_ALIASES } from './data/gpu-aliases';
import { REQUIRED_GPUS } from './data/required-gpus';
import { type Row, readCsv, writeCsv } from './lib/csvio';
import { deriveRows } from './lib/derive';
import { fromExtra, type LambdaCatalogKey } from './lib/extra';
import { finalize, regionRows } from './lib/finalize';
import { replaceGenerated, table } from './lib/markdown';
import { Ledger, OFFER_COLUMNS } from './lib/offer';
import { datasetsDir, referenceDir } from './lib/paths';
import { fromSkypilot } from './lib/skypilot';
import { ALIAS_COLUMNS, aliasRows, NETWORK_COLUMNS, networkRows, TIER_COLUMNS, tierRows } from './lib/tables';

const SKYPILOT = 'skypilot-gpu-offers.csv';
const EXTRA = 'extra-gpu-prices.csv';
const CATEGORIES = PRICING_CATEGORIES;

function checkAliasesCoverRawNames(sky: readonly Row[], extra: readonly Row[]): void {
  const known = new Set(GPU_ALIASES.map(([a]) => a.toLowerCase()));
  const raw = new Set([...sky.map((r) => r.accelerator ?? ''), ...extra.map((r) => r.gpu ?? '')]);
  const missing = [...raw].filter((n) => n !== '' && !known.has(n.toLowerCase())).sort();
  if (missing.length > 0) throw new Error(`gpu-aliases.ts misses raw names: ${missing.join(', ')}`);
}

function coverageMarkdown(offers: readonly Row[], logLines: readonly string[]): string {
  const count = (pred: (r: Row) => boolean) => offers.filter(pred).length;
  const mc: (string | number)[][] = MARKETS.map((m) => [
    m,
    ...CATEGORIES.map((c) => count((r) => r.market === m && r.pricingCategory === c)),
    count((r) => r.market === m && r.usdPerGpuHour === ''),
    count((r) => r.market === m),
  ]);
  mc.push([
    '**total**',
    ...CATEGORIES.map((c) => count((r) => r.pricingCategory === c)),
    count((r) => r.usdPerGpuHour === ''),
    offers.length,
  ]);

  const gpus = [...new Set(offers.map((r) => r.gpu ?? ''))].sort();
  const perGpu = gpus.map((g) => [
    REQUIRED_GPUS.includes(g) ? `**${g}**` : g,
    ...MARKETS.map((m) => count((r) => r.gpu === g && r.market === m)),
    ...CATEGORIES.map((c) => count((r) => r.gpu === g && r.pricingCategory === c)),
    new Set(offers.filter((r) => r.gpu === g).map((r) => r.provider)).size,
    count((r) => r.gpu === g),
  ]);

  const providers = [...new Set(offers.map((r) => r.provider ?? ''))].sort();
  const perProvider = providers.map((p) => {
    const rows = offers.filter((r) => r.provider === p);
    return [
      p,
      rows[0]?.providerName ?? '',
      [...new Set(rows.map((r) => r.market))].sort().join(', '),
      ...CATEGORIES.map((c) => rows.filter((r) => r.pricingCategory === c).length),
      new Set(rows.map((r) => r.region)).size,
      new Set(rows.map((r) => r.gpu)).size,
      rows.length,
    ];
  });

  const required = REQUIRED_GPUS.map((g) => [
    g,
    ...MARKETS.map((m) =>
      count((r) => r.gpu === g && r.market === m && r.usdPerGpuHour !== '') > 0 ? 'yes' : '-',
    ),
  ]);

  return [
    '### Offers per market and pricing category',
    '',
    table(['market', ...CATEGORIES, 'price unknown', 'rows'], mc),
    '',
    '### Required GPU tiers: priced offers present per market',
    '',
    table(['gpu', ...MARKETS], required),
    '',
    '### Offers per GPU tier (bold = required tiers)',
    '',
    table(['gpu', ...MARKETS, ...CATEGORIES, 'providers', 'rows'], perGpu),
    '',
    '### Offers per provider',
    '',
    table(['provider', 'providerName', 'market', ...CATEGORIES, 'regions', 'gpu tiers', 'rows'], perProvider),
    '',
    '### Build log (last run)',
    '',
    '```',
    ...logLines,
    '```',
  ].join('\n');
}

function main(): void {
  const sky = readCsv(path.join(referenceDir, SKYPILOT));
  const extra = readCsv(path.join(referenceDir, EXTRA));
  checkAliasesCoverRawNames(sky, extra);

  const skyLedger = new Ledger(SKYPILOT);
  const extraLedger = new Ledger(EXTRA);
  const fromSky = fromSkypilot(sky, skyLedger);
  const lambdaCatalog: LambdaCatalogKey[] = fromSky
    .filter(
      (d) =>
        d.provider === 'lambda' &&
        d.pricingCategory === 'Standard' &&
        !d.notes.some((n) => n.startsWith('via Shadeform')),
    )
    .map((d) => ({ gpu: d.gpu, count: d.gpusPerInstance, usdPerGpuHour: d.usdPerGpuHour as number }));
  const fromExtraRows = fromExtra(extra, extraLedger, lambdaCatalog);
  const base = [...fromSky, ...fromExtraRows];
  const derived = deriveRows(base);
  const all = [...base, ...derived];
  const { rows: offers, collisions } = finalize(all);

  for (const d of fromSky) skyLedger.written[d.pricingCategory] += 1;
  for (const d of fromExtraRows) extraLedger.written[d.pricingCategory] += 1;

  // invariants
  for (const l of [skyLedger, extraLedger]) l.checkBalanced();
  const ids = new Set(offers.map((o) => o.id));
  if (ids.size !== offers.length) throw new Error('offers.csv: duplicate ids');
  for (const g of REQUIRED_GPUS)
    if (!offers.some((o) => o.gpu === g)) throw new Error(`coverage: no offer for required GPU ${g}`);
  for (const m of MARKETS)
    for (const c of CATEGORIES) {
      if (m === 'depin' && c === 'Committed') continue; // no DePIN commitment price or discount is in the reference
      if (!offers.some((o) => o.market === m && o.pricingCategory === c))
        throw new Error(`coverage: no ${m} ${c} offer`);
    }

  writeCsv(path.join(datasetsDir, 'offers.csv'), OFFER_COLUMNS, offers);
  const regions = regionRows(offers, all);
  writeCsv(
    path.join(datasetsDir, 'regions.csv'),
    ['provider', 'region', 'country', 'blocs', 'continent', 'notes'],
    regions,
  );
  const tiers = tierRows();
  writeCsv(path.join(datasetsDir, 'gpu-tiers.csv'), TIER_COLUMNS, tiers);
  const aliases = aliasRows();
  writeCsv(path.join(datasetsDir, 'gpu-aliases.csv'), ALIAS_COLUMNS, aliases);
  const networks = networkRows();
  writeCsv(path.join(datasetsDir, 'networks.csv'), NETWORK_COLUMNS, networks);

  const log: string[] = [];
  for (const l of [skyLedger, extraLedger]) {
    log.push(`${l.file}: read ${l.read} rows = used ${l.used} + dropped ${l.droppedTotal}`);
    log.push(
      `  offers from used rows: Standard ${l.written.Standard}, Dynamic ${l.written.Dynamic}, Committed ${l.written.Committed}`,
    );
    for (const [reason, n] of [...l.dropped].sort()) log.push(`  dropped ${n}: ${reason}`);
    for (const [reason, n] of [...l.skippedPrices].sort()) log.push(`  price not written ${n}: ${reason}`);
  }
  const derivedBy = (c: string) => derived.filter((d) => d.pricingCategory === c).length;
  log.push(
    `derived rows (sourced discounts): ${derived.length} = Dynamic ${derivedBy('Dynamic')} (Vast interruptible) + Committed ${derivedBy('Committed')}`,
  );
  log.push(`id collisions resolved with a numeric suffix: ${collisions}`);
  log.push(
    `offers.csv: ${offers.length} rows written (= ${fromSky.length} from ${SKYPILOT} + ${fromExtraRows.length} from ${EXTRA} + ${derived.length} derived); price unknown: ${offers.filter((o) => o.usdPerGpuHour === '').length}`,
  );
  log.push(
    `regions.csv: ${regions.length} rows; gpu-tiers.csv: ${tiers.length}; gpu-aliases.csv: ${aliases.length}; networks.csv: ${networks.length}`,
  );
  for (const line of log) console.log(line);

  replaceGenerated(
    path.join(datasetsDir, 'README.md'),
    'coverage',
    coverageMarkdown(offers, log),
    'datasets/scripts/compile-offers.ts',
  );
}

main();
