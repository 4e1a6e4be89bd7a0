import { PRICING_CATEGORY_REGISTRY } from '@gpufit/schema';
import type { CsvCell } from '../csv/csvCell.js';
import { emptyCell, numberCell, textCell } from '../csv/csvCell.js';
import { formatCents } from '../present/format.js';
import { addMonths, monthStartDateTime } from '../present/months.js';
import type {
  PresentedAnalysis,
  ShownPath,
  ShownPathMonth,
  ShownWorkload,
} from '../present/presentAnalysis.js';
import type { Rounder } from '../present/rounder.js';
import { MONEY_SCALE, UNIT_PRICE_SCALE } from '../present/rounder.js';
import type { FocusCharge } from './focusCharges.js';
import { perUnit, QUANTITY_SCALE } from './focusCharges.js';
import { focusDecimal } from './focusDecimal.js';
import { focusService } from './focusServices.js';

/** One forecast row: one charge (GPU-hours, or a data line) of a workload's option (or hybrid side) in one month. */
export interface FocusRow {
  readonly p: PresentedAnalysis;
  readonly r: Rounder;
  readonly w: ShownWorkload;
  readonly path: ShownPath;
  readonly month: ShownPathMonth;
  readonly charge: FocusCharge;
}

export interface FocusColumn {
  readonly name: string;
  readonly description: string;
  readonly value: (row: FocusRow) => CsvCell;
}

/** Billing account of a forecast: not a real account, but FOCUS requires one on every row. */
export const FORECAST_BILLING_ACCOUNT_ID = 'gpufit-forecast';
export const PRICING_UNIT = 'GPU-Hours';
export const SKU_METER = 'GPU-hours';
/** PricingUnit of the data-transfer rows (egress, ingress, checkpoint sync). */
export const DATA_PRICING_UNIT = 'GiB';
const DATA_SKU_METER: Record<Exclude<FocusCharge['kind'], 'gpu-hours'>, string> = {
  egress: 'Data transfer out (GiB)',
  ingress: 'Data transfer in (GiB)',
  'checkpoint-sync': 'Checkpoint sync (GiB)',
};
const DATA_DESCRIPTION: Record<Exclude<FocusCharge['kind'], 'gpu-hours'>, string> = {
  egress: 'data egress',
  ingress: 'data ingress',
  'checkpoint-sync': 'checkpoint sync',
};
/** Unit prices are printed with enough places that the product with PricingQuantity matches the cost to the cent. */
const LIST_UNIT_PRICE_SCALE = 10;

/** Money keeps both decimals (`12.50`), which also satisfies the decimal-point rule. */
const cents = (c: number): CsvCell => numberCell(formatCents.machine(c));
const billed = (x: FocusRow): number => x.charge.billedCents;
const listCents = (x: FocusRow): number => x.charge.listCents;
const isGpu = (x: FocusRow): boolean => x.charge.kind === 'gpu-hours';
const quantityMinor = (x: FocusRow): number | null => x.charge.quantityMinor;
const hasQuantity = (x: FocusRow): boolean => {
  const q = quantityMinor(x);
  return q !== null && q > 0;
};
const periodStart = (x: FocusRow): CsvCell => textCell(monthStartDateTime(x.month.month));
const periodEnd = (x: FocusRow): CsvCell => textCell(monthStartDateTime(addMonths(x.month.month, 1)));
const provider = (x: FocusRow): CsvCell =>
  textCell(x.path.offer.providerName.length > 0 ? x.path.offer.providerName : x.path.offer.provider);
const partWord = (x: FocusRow): string =>
  x.path.part === 'base' ? ', committed base' : x.path.part === 'burst' ? ', on-demand bursts' : '';
const optionWord = (x: FocusRow): string =>
  x.path.option === 'hybrid'
    ? `hybrid, ${x.path.side} side${partWord(x)}`
    : x.path.part === 'base'
      ? 'cloud, committed base'
      : x.path.part === 'burst'
        ? 'cloud, on-demand bursts'
        : x.path.option;
/**
 * The unit price of a cost column: cost ÷ PricingQuantity in USD per pricing unit, printed with enough places that
 * the product matches the cost to the cent; null when the quantity is unknown.
 */
const usdPerUnit = (x: FocusRow, costCents: number): number | null => {
  const q = quantityMinor(x);
  if (q === null || q <= 0) return null;
  return perUnit(costCents, q);
};
const unitPriceCell = (x: FocusRow, usd: number | null): CsvCell =>
  usd === null
    ? emptyCell
    : numberCell(focusDecimal(x.r.quantity(usd, LIST_UNIT_PRICE_SCALE), LIST_UNIT_PRICE_SCALE));

/**
 * The incentive token a row is priced in, with its projected USD price that month: the offer's price is set in
 * the token (report.json `offer.pricingCurrency`, denomination `token`) and the scenario models the token's price
 * (`tokenPrices`). Otherwise null: the row is priced in USD (a token without a price model is held at its month-0
 * USD price by the projection, so USD is the currency gpufit priced it in).
 */
export function rowToken(x: FocusRow): { readonly symbol: string; readonly usd: number } | null {
  const symbol = x.path.offer.pricingCurrency;
  const usd = x.month.tokenPriceUsd;
  if (symbol === undefined || symbol === 'USD' || x.path.side !== 'depin' || !isGpu(x)) return null;
  if (usd === null || !(Number.isFinite(usd) && usd > 0)) return null;
  return { symbol, usd };
}
/** USD converted into the row's pricing currency (tokens at the month's projected token price, else USD). */
const inPricingCurrency = (x: FocusRow, usd: number): number => {
  const token = rowToken(x);
  return token === null ? usd : usd / token.usd;
};
/**
 * The SKU of an offer: provider, instance (or GPU count × GPU) and region, without the pricing category or
 * term, so on-demand, spot and committed prices of one machine share it (SkuId-C-009: consistent across
 * PricingCategory values). Each offer is one SKU price of it (SkuPriceId = the catalog offer id).
 */
export function skuId(offer: FocusRow['path']['offer']): string {
  const machine = offer.instanceType ?? `${offer.gpusPerInstance}x ${offer.gpu}`;
  return `${offer.provider}/${machine}/${offer.region}`;
}
/** A data row's SKU is the machine's SKU with the data line: `<SkuId>/egress`. */
const rowSkuId = (x: FocusRow): string =>
  isGpu(x) ? skuId(x.path.offer) : `${skuId(x.path.offer)}/${x.charge.kind}`;
/**
 * SkuPriceDetails: gpufit's properties of the SKU price, the same every month (all `x_`, as FOCUS requires of
 * provider-defined keys; the one number, the catalog price, is per PricingUnit, as SkuPriceDetails-C-018 asks).
 */
function skuPriceDetails(x: FocusRow): string {
  const o = x.path.offer;
  if (!isGpu(x)) {
    return JSON.stringify({
      x_Component: x.charge.kind,
      x_PricingCurrency: 'USD',
      x_PriceAsOf: o.asOf,
      x_UsdPerGiB: x.charge.listUnitPriceUsd,
    });
  }
  const details: Record<string, string | number> = {
    x_Gpu: o.gpu,
    x_PricingCategory: PRICING_CATEGORY_REGISTRY[o.pricingCategory].focus,
    x_PricingCurrency: o.pricingCurrency ?? 'USD',
    x_PriceAsOf: o.asOf,
  };
  if (o.usdPerGpuHour !== null) details.x_CatalogUsdPerGpuHour = o.usdPerGpuHour;
  return JSON.stringify(details);
}
const TOKEN_COST_SCALE = 6;

const percentile =
  (key: 'p10' | 'p50' | 'p90') =>
  (x: FocusRow): CsvCell =>
    x.month.percentiles === null || !isGpu(x) ? emptyCell : cents(x.month.percentiles[key]);

/**
 * The columns of `forecast-focus.csv`: FOCUS 1.2 columns (alphabetical, as in the specification) that the
 * official validator requires of a forecast (../shared/reference/focus-1.2-forecast-notes.md), then gpufit's
 * `x_` extension columns. A forecast row is `ChargeCategory` Usage and is marked by `x_ForecastRow` = true.
 */
export const FOCUS_COLUMNS: readonly FocusColumn[] = [
  { name: 'BilledCost', description: 'projected spend of the month, USD', value: (x) => cents(billed(x)) },
  {
    name: 'BillingAccountId',
    description: `always ${FORECAST_BILLING_ACCOUNT_ID}`,
    value: () => textCell(FORECAST_BILLING_ACCOUNT_ID),
  },
  {
    name: 'BillingAccountName',
    description: 'gpufit forecast: <scenario name>',
    value: (x) => textCell(`gpufit forecast: ${x.p.analysis.scenario.name}`),
  },
  { name: 'BillingCurrency', description: 'USD', value: () => textCell('USD') },
  { name: 'BillingPeriodEnd', description: 'first instant of the next month, UTC', value: periodEnd },
  { name: 'BillingPeriodStart', description: 'first instant of the month, UTC', value: periodStart },
  {
    name: 'ChargeCategory',
    description: 'Usage (FOCUS has no Forecast category; see x_ForecastRow)',
    value: () => textCell('Usage'),
  },
  { name: 'ChargeClass', description: 'empty (only Correction is allowed)', value: () => emptyCell },
  {
    name: 'ChargeDescription',
    description:
      'Forecast: <workload> on <provider> <GPU> (<option>), then `: data egress` (or ingress, checkpoint sync) on a data row',
    value: (x) =>
      textCell(
        `Forecast: ${x.w.workload.name} on ${x.path.offer.providerName} ${x.path.offer.gpu} (${optionWord(x)})${
          x.charge.kind === 'gpu-hours' ? '' : `: ${DATA_DESCRIPTION[x.charge.kind]}`
        }`,
      ),
  },
  { name: 'ChargeFrequency', description: 'Usage-Based', value: () => textCell('Usage-Based') },
  { name: 'ChargePeriodEnd', description: 'same as BillingPeriodEnd', value: periodEnd },
  { name: 'ChargePeriodStart', description: 'same as BillingPeriodStart', value: periodStart },
  {
    name: 'ContractedCost',
    description: 'equals BilledCost (no negotiated prices are claimed)',
    value: (x) => cents(billed(x)),
  },
  {
    name: 'EffectiveCost',
    description: 'equals BilledCost (a forecast has no amortization)',
    value: (x) => cents(billed(x)),
  },
  { name: 'InvoiceId', description: 'empty on every row (nothing is invoiced yet)', value: () => emptyCell },
  { name: 'InvoiceIssuerName', description: 'provider name (for DePIN: the network)', value: provider },
  {
    name: 'ListCost',
    description: 'BilledCost before the incentive-token subsidy, USD',
    value: (x) => cents(listCents(x)),
  },
  {
    name: 'ListUnitPrice',
    description:
      "list USD per pricing unit: on a GPU-hours row the offer's list GPU-hour price (ListCost ÷ PricingQuantity in a month whose price moved), on a data row the USD per GiB; ListUnitPrice × PricingQuantity = ListCost to the cent; empty when the quantity is unknown",
    value: (x) => unitPriceCell(x, x.charge.listUnitPriceUsd),
  },
  {
    name: 'PricingCategory',
    description: "the offer's Standard, Dynamic or Committed",
    value: (x) => textCell(PRICING_CATEGORY_REGISTRY[x.path.offer.pricingCategory].focus),
  },
  {
    name: 'PricingCurrency',
    description:
      "USD, or the incentive token's symbol (e.g. NOS) when the offer's price is set in the token and the scenario models its price",
    value: (x) => textCell(rowToken(x)?.symbol ?? 'USD'),
  },
  {
    name: 'PricingCurrencyContractedUnitPrice',
    description:
      'ContractedCost ÷ PricingQuantity in the PricingCurrency (tokens at the month’s projected token price); empty when the quantity is unknown',
    value: (x) => {
      // Without a subsidy the contracted price is the list price (the same cost, the same quantity).
      const usd = billed(x) === listCents(x) ? x.charge.listUnitPriceUsd : usdPerUnit(x, billed(x));
      return unitPriceCell(x, usd === null ? null : inPricingCurrency(x, usd));
    },
  },
  {
    name: 'PricingCurrencyEffectiveCost',
    description: 'EffectiveCost in the PricingCurrency (tokens at the month’s projected token price)',
    value: (x) => {
      const usd = billed(x) / 10 ** MONEY_SCALE;
      if (rowToken(x) === null) return cents(billed(x));
      return numberCell(
        focusDecimal(x.r.quantity(inPricingCurrency(x, usd), TOKEN_COST_SCALE), TOKEN_COST_SCALE),
      );
    },
  },
  {
    name: 'PricingCurrencyListUnitPrice',
    description: 'ListUnitPrice in the PricingCurrency (tokens at the month’s projected token price)',
    value: (x) => {
      const usd = x.charge.listUnitPriceUsd;
      return unitPriceCell(x, usd === null ? null : inPricingCurrency(x, usd));
    },
  },
  {
    name: 'PricingQuantity',
    description: 'billed GPU-hours of the month (GiB on a data row); empty when unknown',
    value: (x) =>
      hasQuantity(x) ? numberCell(focusDecimal(quantityMinor(x) ?? 0, QUANTITY_SCALE)) : emptyCell,
  },
  {
    name: 'PricingUnit',
    description: `${PRICING_UNIT} (${DATA_PRICING_UNIT} on a data row) when PricingQuantity is set, else empty`,
    value: (x) => (hasQuantity(x) ? textCell(isGpu(x) ? PRICING_UNIT : DATA_PRICING_UNIT) : emptyCell),
  },
  { name: 'ProviderName', description: 'provider name', value: provider },
  { name: 'PublisherName', description: 'provider name', value: provider },
  { name: 'RegionId', description: 'provider region id', value: (x) => textCell(x.path.offer.region) },
  {
    name: 'RegionName',
    description: 'region id with its country when known',
    value: (x) =>
      textCell(
        x.path.offer.country === null
          ? x.path.offer.region
          : `${x.path.offer.region} (${x.path.offer.country})`,
      ),
  },
  {
    name: 'ServiceCategory',
    description: 'Compute',
    value: (x) => textCell(focusService(x.path.offer.market).serviceCategory),
  },
  {
    name: 'ServiceName',
    description: 'GPU Virtual Machines (hyperscaler, GPU cloud) or GPU Containers (marketplace, DePIN)',
    value: (x) => textCell(focusService(x.path.offer.market).serviceName),
  },
  {
    name: 'ServiceSubcategory',
    description: 'Virtual Machines or Containers',
    value: (x) => textCell(focusService(x.path.offer.market).serviceSubcategory),
  },
  {
    name: 'SkuId',
    description:
      'the SKU: <provider>/<instance type, or GPUs × GPU>/<region>, the same for every pricing category; a data row adds /egress, /ingress or /checkpoint-sync',
    value: (x) => textCell(rowSkuId(x)),
  },
  {
    name: 'SkuMeter',
    description:
      'GPU-hours, or on a data row Data transfer out (GiB), Data transfer in (GiB), Checkpoint sync (GiB)',
    value: (x) => textCell(x.charge.kind === 'gpu-hours' ? SKU_METER : DATA_SKU_METER[x.charge.kind]),
  },
  {
    name: 'SkuPriceDetails',
    description:
      'JSON of the SKU price: x_Gpu, x_PricingCategory, x_PricingCurrency, x_PriceAsOf, x_CatalogUsdPerGpuHour; on a data row x_Component, x_PricingCurrency, x_PriceAsOf, x_UsdPerGiB',
    value: (x) => textCell(skuPriceDetails(x)),
  },
  {
    name: 'SkuPriceId',
    description:
      'the catalog offer id (one price of the SKU); a data row adds /egress, /ingress or /checkpoint-sync',
    value: (x) => textCell(isGpu(x) ? x.path.offer.id : `${x.path.offer.id}/${x.charge.kind}`),
  },
  {
    name: 'x_ForecastRow',
    description: 'true: a gpufit projection, not billed data',
    value: () => textCell('true'),
  },
  {
    name: 'x_ScenarioName',
    description: 'scenario name',
    value: (x) => textCell(x.p.analysis.scenario.name),
  },
  { name: 'x_WorkloadId', description: 'workload id', value: (x) => textCell(x.w.workload.id) },
  { name: 'x_WorkloadName', description: 'workload name', value: (x) => textCell(x.w.workload.name) },
  { name: 'x_WorkloadKind', description: 'workload kind', value: (x) => textCell(x.w.workload.kind) },
  { name: 'x_Option', description: 'cloud, depin or hybrid', value: (x) => textCell(x.path.option) },
  {
    name: 'x_HybridSide',
    description: 'hybrid rows: cloud or depin; empty otherwise',
    value: (x) => (x.path.option === 'hybrid' ? textCell(x.path.side) : emptyCell),
  },
  {
    name: 'x_HybridShare',
    description: "hybrid rows: the side's share of GPU-hours (0–1)",
    value: (x) =>
      x.path.option === 'hybrid' ? numberCell(focusDecimal(x.r.quantity(x.path.share, 4), 4)) : emptyCell,
  },
  {
    name: 'x_Charge',
    description:
      "what the row charges for: gpu-hours (every GPU-hour line: work, re-work, spares, idle and unused hours), egress, ingress or checkpoint-sync; a month's rows of one option add up to its spend",
    value: (x) => textCell(x.charge.kind),
  },
  {
    name: 'x_Recommended',
    description: 'true on the rows of the recommended option: filter on it for the plan',
    value: (x) => textCell(String(x.path.option === x.w.workload.decision.recommendation)),
  },
  {
    name: 'x_Recommendation',
    description: "the workload's recommendation",
    value: (x) => textCell(x.w.workload.decision.recommendation),
  },
  {
    name: 'x_FitApproach',
    description: 'framework approach: traditional-cloud … depin-first',
    value: (x) => textCell(x.w.workload.fit.approach),
  },
  { name: 'x_OfferId', description: 'catalog offer id', value: (x) => textCell(x.path.offer.id) },
  {
    name: 'x_Market',
    description: 'hyperscaler, gpu-cloud, marketplace or depin',
    value: (x) => textCell(x.path.offer.market),
  },
  { name: 'x_Gpu', description: 'GPU tier', value: (x) => textCell(x.path.offer.gpu) },
  {
    name: 'x_OfferListUnitPrice',
    description: "the offer's published USD per GPU-hour",
    value: (x) =>
      x.path.offer.usdPerGpuHour === null
        ? emptyCell
        : numberCell(focusDecimal(x.r.unitPrice(x.path.offer.usdPerGpuHour), UNIT_PRICE_SCALE)),
  },
  {
    name: 'x_IncentiveSubsidyUsd',
    description:
      'USD of the month paid by the incentive token (ListCost − BilledCost); empty when the offer has no incentive',
    value: (x) => (x.month.subsidyCents === null || !isGpu(x) ? emptyCell : cents(x.month.subsidyCents)),
  },
  {
    name: 'x_IncentiveSubsidyShare',
    description:
      "share of the month's GPU income (BilledCost's GPU time + the subsidy) the incentive emissions pay (0–1), from the projection; below the schedule's share where the token floor holds the price",
    value: (x) =>
      x.month.subsidyShare === null || x.month.subsidyCents === null || !isGpu(x)
        ? emptyCell
        : numberCell(focusDecimal(x.r.quantity(x.month.subsidyShare, 4), 4)),
  },
  {
    name: 'x_IncentiveTokenPriceUsd',
    description: 'projected USD price of the incentive token',
    value: (x) =>
      x.month.tokenPrice === null
        ? emptyCell
        : numberCell(focusDecimal(x.month.tokenPrice, UNIT_PRICE_SCALE)),
  },
  {
    name: 'x_BilledCostP10',
    description:
      "Monte Carlo P10 of the option's whole month (its GPU-hours and data rows together), on its GPU-hours row; empty on hybrid sides and on a workload with one priced side (no Monte Carlo of its own: its band is the horizon's, report.json totals.distribution.workloads)",
    value: percentile('p10'),
  },
  {
    name: 'x_BilledCostP50',
    description: 'Monte Carlo P50 of the month, as x_BilledCostP10',
    value: percentile('p50'),
  },
  {
    name: 'x_BilledCostP90',
    description: 'Monte Carlo P90 of the month, as x_BilledCostP10',
    value: percentile('p90'),
  },
  {
    name: 'x_PriceSource',
    description: "the offer's price source",
    value: (x) => textCell(x.path.offer.source),
  },
  { name: 'x_PriceAsOf', description: "the offer's price date", value: (x) => textCell(x.path.offer.asOf) },
  {
    name: 'x_FrameworkVersion',
    description: 'decision framework version',
    value: (x) => textCell(x.p.analysis.frameworkVersion),
  },
  { name: 'x_Seed', description: 'Monte Carlo seed', value: (x) => numberCell(String(x.p.analysis.seed)) },
];
