import { MARKETS, PRICING_CATEGORIES } from '@gpufit/schema';
import { GPU_CLASSES, gpuClassOf } from '../data/gpu-classes';
import { RELIABILITY_RULES } from '../data/reliability';
import { REQUIRED_GPUS } from '../data/required-gpus';
import type { Row } from './csvio';
import { table } from './markdown';

const CATEGORIES = PRICING_CATEGORIES;

const priced = (r: Row) => r.usdPerGpuHour !== '';

/** The measured coverage section of datasets/README.md. */
export function coverageMarkdown(offers: readonly Row[], logLines: readonly string[]): string {
  const count = (pred: (r: Row) => boolean) => offers.filter(pred).length;
  const mc: (string | number)[][] = MARKETS.map((m) => [
    m,
    ...CATEGORIES.map((c) => count((r) => r.market === m && r.pricingCategory === c)),
    count((r) => r.market === m && !priced(r)),
    count((r) => r.market === m),
  ]);
  mc.push([
    '**total**',
    ...CATEGORIES.map((c) => count((r) => r.pricingCategory === c)),
    count((r) => !priced(r)),
    offers.length,
  ]);

  const classOf = new Map<string, string>();
  for (const o of offers) classOf.set(o.gpu ?? '', gpuClassOf(o.gpu ?? ''));
  const mcc: (string | number)[][] = [];
  const empty: string[] = [];
  for (const m of MARKETS)
    for (const k of GPU_CLASSES) {
      const cells = CATEGORIES.map((c) =>
        count(
          (r) => r.market === m && classOf.get(r.gpu ?? '') === k && r.pricingCategory === c && priced(r),
        ),
      );
      mcc.push([
        m,
        k,
        ...cells,
        new Set(
          offers
            .filter((r) => r.market === m && classOf.get(r.gpu ?? '') === k && priced(r))
            .map((r) => r.provider),
        ).size,
      ]);
      CATEGORIES.forEach((c, i) => {
        if (cells[i] === 0) empty.push(`${m} × ${k} × ${c}`);
      });
    }

  const gpus = [...new Set(offers.map((r) => r.gpu ?? ''))].sort();
  const perGpu = gpus.map((g) => [
    REQUIRED_GPUS.includes(g) ? `**${g}**` : g,
    classOf.get(g) ?? '',
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
    ...MARKETS.map((m) => (count((r) => r.gpu === g && r.market === m && priced(r)) > 0 ? 'yes' : '-')),
  ]);

  const ruleOf = (r: Row) => /^rule ([a-z0-9-]+):/.exec(r.reliabilitySource ?? '')?.[1] ?? '';
  const rules = RELIABILITY_RULES.map((rule) => [
    rule.id,
    rule.availability === undefined ? '(engine)' : rule.availability,
    Number(rule.interruptions.perHour.toPrecision(4)),
    rule.interruptions.per,
    count((r) => ruleOf(r) === rule.id),
  ]);

  return [
    '### Offers per market and pricing category',
    '',
    table(['market', ...CATEGORIES, 'price unknown', 'rows'], mc),
    '',
    '### Priced offers per market × GPU class × pricing category',
    '',
    table(['market', 'GPU class', ...CATEGORIES, 'providers'], mcc),
    '',
    `Empty cells (no priced offer): ${empty.length === 0 ? 'none' : empty.join('; ')}.`,
    '',
    '### Required GPU tiers: priced offers present per market',
    '',
    table(['gpu', ...MARKETS], required),
    '',
    '### Offers per GPU tier (bold = required tiers)',
    '',
    table(['gpu', 'class', ...MARKETS, ...CATEGORIES, 'providers', 'rows'], perGpu),
    '',
    '### Offers per provider',
    '',
    table(['provider', 'providerName', 'market', ...CATEGORIES, 'regions', 'gpu tiers', 'rows'], perProvider),
    '',
    '### Reliability rules in use (`scripts/data/reliability.ts`)',
    '',
    table(['rule', 'availability', 'interruptions / h', 'per', 'rows'], rules),
    '',
    '### Build log (last run)',
    '',
    '```',
    ...logLines,
    '```',
  ].join('\n');
}
