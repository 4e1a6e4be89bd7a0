/**
 * The bundled catalog compile (datasets/scripts) against the reference files it reads
 * (../shared/reference/, beside the repository; CI has it beside the checkout): deterministic and byte-identical
 * to the committed files, every reference row accounted for, spot at the zone median, decentralized supply as the
 * sources state it, reliability from named rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSUMED_OUTAGE_HOURS, interruptionsFromAvailability } from '@gpufit/pricing';
import { BLOC_COUNTRIES, offerFromCsv } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUBSIDY_SHARES } from '../../../datasets/scripts/data/assumptions';
import { BILLING } from '../../../datasets/scripts/data/billing';
import { CERTIFICATION_SOURCES } from '../../../datasets/scripts/data/certifications';
import {
  AWS_SPOT_BAND_OF_GPU,
  advisorBandShare,
  hazardFromMonthlyProbability,
  hostFailuresPerHour,
  LLAMA3_INTERRUPTIONS_PER_GPU_HOUR,
  RELIABILITY_RULES,
  reliabilityRule,
  SPOT_ADVISOR_BANDS,
  SPOT_BAND_OF_GPU,
  spotHazardFromBand,
} from '../../../datasets/scripts/data/reliability';
import { offerRowProblems } from '../../../datasets/scripts/lib/checkOffers';
import { compileCatalog, INPUTS } from '../../../datasets/scripts/lib/compileCatalog';
import { vastInterruptiblePrice } from '../../../datasets/scripts/lib/derive';
import { gcpSuspectOnDemand } from '../../../datasets/scripts/lib/gcpVm';
import type { Ledger } from '../../../datasets/scripts/lib/offer';
import { zoneSpot } from '../../../datasets/scripts/lib/spotByZone';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const datasets = path.join(repoRoot, 'datasets');
const reference = path.resolve(repoRoot, '../shared/reference');

type Row = Record<string, string>;
const csv = (text: string | Buffer): Row[] => parse(text, { columns: true, bom: true }) as Row[];
const referenceRows = (file: string): Row[] => csv(readFileSync(path.join(reference, file)));

let files: Record<string, string>;
let ledgers: Ledger[];
let offers: Row[];
let byId: Map<string, Row>;

beforeAll(() => {
  const readme = readFileSync(path.join(datasets, 'README.md'), 'utf8');
  const run = compileCatalog(reference, readme);
  files = run.files;
  ledgers = run.ledgers;
  offers = csv(readFileSync(path.join(datasets, 'offers.csv')));
  byId = new Map(offers.map((o) => [o.id ?? '', o]));
});

const num = (cell: string | undefined): number => Number(cell);
/** Rows of offers.csv for one (provider, instance type, region, category). */
const offersFor = (provider: string, instance: string, region: string, category: string): Row[] =>
  offers.filter(
    (o) =>
      o.provider === provider &&
      o.instanceType === instance &&
      o.region === region &&
      o.pricingCategory === category,
  );

describe('the compile is deterministic and its output is what is committed', () => {
  it.each(['offers.csv', 'regions.csv', 'gpu-tiers.csv', 'gpu-aliases.csv', 'networks.csv', 'README.md'])(
    '%s: byte-identical to datasets/ and to a second run',
    (name) => {
      const again = compileCatalog(reference, readFileSync(path.join(datasets, 'README.md'), 'utf8'));
      expect(files[name]).toBeDefined();
      expect(again.files[name]).toBe(files[name]);
      expect(files[name]).toBe(readFileSync(path.join(datasets, name), 'utf8'));
    },
  );

  it('every offers.csv row validates as an offer', () => {
    const [header, ...rows] = parse(readFileSync(path.join(datasets, 'offers.csv'))) as string[][];
    expect(rows.length).toBeGreaterThan(2000);
    const bad = rows
      .map((r) => ({ id: r[0], v: offerFromCsv(header ?? [], r) }))
      .filter((x) => !x.v.ok)
      .map((x) => x.id);
    expect(bad).toEqual([]);
  });

  it('the build refuses a catalog with a row gpufit would reject, naming its row, id and column', () => {
    const csv = readFileSync(path.join(datasets, 'offers.csv'), 'utf8');
    expect(offerRowProblems(csv)).toEqual([]);
    // A source text over the schema's limit (a helper's first spot-rate texts were): the CLI had skipped 830 rows.
    const [header, first, ...rest] = parse(csv) as string[][];
    const at = header!.indexOf('reliabilitySource');
    const long = [...first!];
    long[at] = 'x'.repeat(5000);
    const quote = (cells: readonly string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
    const problems = offerRowProblems([header!, long, ...rest.slice(0, 3)].map(quote).join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^row 2 \\(${first![0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\), column reliabilitySource: `,
      ),
    );
  });
});

describe('every reference row is accounted for (read = used + dropped, per file)', () => {
  it.each(Object.values(INPUTS))('%s', (file) => {
    const ledger = ledgers.find((l) => l.file === file);
    expect(ledger).toBeDefined();
    expect(ledger?.read).toBe(referenceRows(file).length);
    expect(ledger?.read).toBe((ledger?.used ?? 0) + (ledger?.droppedTotal ?? 0));
    for (const [reason, n] of ledger?.dropped ?? []) {
      expect(reason.length, 'a drop says why').toBeGreaterThan(10);
      expect(n).toBeGreaterThan(0);
    }
  });

  it('the build log in datasets/README.md says so for each of the four files', () => {
    const readme = readFileSync(path.join(datasets, 'README.md'), 'utf8');
    for (const l of ledgers)
      expect(readme).toContain(`${l.file}: read ${l.read} rows = used ${l.used} + dropped ${l.droppedTotal}`);
  });
});

describe('spot at the typical price (spot-by-zone.csv)', () => {
  it('AWS p6-b200.48xlarge us-east-2: zone median $22.94/h for 8 x B200, min 22.34, max 24.28 - not the old $11.39 minimum', () => {
    const o = byId.get('aws:p6-b200.48xlarge:us-east-2:dynamic');
    expect(o).toBeDefined();
    expect(num(o?.usdPerGpuHour)).toBeCloseTo(22.9407 / 8, 5);
    expect(num(o?.usdPerGpuHour)).toBeCloseTo(2.8675, 3);
    expect(num(o?.usdPerGpuHourMin)).toBeCloseTo(22.3382 / 8, 5);
    expect(num(o?.usdPerGpuHourMax)).toBeCloseTo(24.2759 / 8, 5);
    expect(o?.zonesWithSpot).toBe('3');
    expect(o?.gpusPerInstance).toBe('8');
    expect(o?.source).toContain('3e9a1751');
    expect(o?.notes).toMatch(/replaces SkyPilot catalog v9@2c3d7ea7 min-over-zones spot \$11\.3933\/h/);
  });

  it('every AWS Dynamic offer is a spot-by-zone median (no min-over-zones price is left)', () => {
    const aws = offers.filter((o) => o.provider === 'aws' && o.pricingCategory === 'Dynamic');
    expect(aws.length).toBeGreaterThan(50);
    for (const o of aws) {
      expect(o.source, o.id).toContain('@3e9a1751');
      expect(num(o.usdPerGpuHourMin), o.id).toBeLessThanOrEqual(num(o.usdPerGpuHour));
      expect(num(o.zonesWithSpot), o.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('no Dynamic offer where no zone lists spot or every zone lists it at on-demand', () => {
    const gcpHost: Record<string, string> = {
      A100: 'a2-highgpu',
      'A100-80GB': 'a2-ultragpu',
      H100: 'a3-highgpu',
    };
    const none = referenceRows(INPUTS.spotByZone).filter(
      (r) =>
        r.n_zones_with_spot === '0' ||
        (r.spot_min !== '' &&
          r.on_demand_usd_per_hour !== '' &&
          Math.abs(num(r.spot_min) - num(r.on_demand_usd_per_hour)) < 1e-4),
    );
    expect(none.length).toBeGreaterThan(40);
    for (const r of none) {
      const instance =
        r.provider === 'gcp' ? `${gcpHost[r.gpu ?? ''] ?? '?'}-${r.gpu_count}g` : (r.instance_type ?? '');
      expect(
        offersFor(r.provider ?? '', instance, r.region ?? '', 'Dynamic'),
        `${r.provider} ${instance} ${r.region}`,
      ).toEqual([]);
    }
  });

  it('zones whose spot equals on-demand are placeholders: taken out of the statistics when the zones are known', () => {
    // g5.12xlarge ap-northeast-1: zones 2.4678 and 8.2261 (= on-demand 8.22609): the real spot is the 2.4678 zone
    expect(zoneSpot({ min: 2.4678, median: 5.34695, max: 8.2261, zones: 2 }, 8.22609, 1)).toMatchObject({
      median: 2.4678,
      min: 2.4678,
      max: 2.4678,
      zones: 1,
    });
    // three zones, two of them placeholders (p4d eu-central-1)
    expect(zoneSpot({ min: 13.3445, median: 27.433, max: 27.433, zones: 3 }, 27.43298, 2)).toMatchObject({
      median: 13.3445,
      zones: 1,
    });
    // every zone a placeholder: no spot
    expect(zoneSpot({ min: 63.296, median: 63.296, max: 63.296, zones: 1 }, 63.296, 1)).toBeUndefined();
    // six zones, two placeholders (p5 us-east-1): the file's median is kept as an upper bound, max unknown
    expect(zoneSpot({ min: 17.2517, median: 21.0898, max: 55.04, zones: 6 }, 55.04, 2)).toMatchObject({
      median: 21.0898,
      min: 17.2517,
      max: undefined,
      zones: 4,
    });
  });

  it('newer catalogs replace older ones for the same offer, on-demand too, and say what they replaced', () => {
    const p5 = byId.get('aws:p5.48xlarge:us-east-1:standard');
    expect(p5?.source).toContain('@3e9a1751');
    expect(p5?.notes).toContain('replaces SkyPilot catalog v8@00148f2a on-demand $55.04/h (unchanged)');
    const gcp = byId.get('gcp:a3-highgpu-8g:us-central1:dynamic');
    expect(gcp?.source).toContain('anycloud-sh/catalog@62ff0a98');
    expect(gcp?.asOf).toBe('2026-05-20');
    expect(gcp?.notes).toMatch(/replaces SkyPilot catalog v8@006059e0/);
    // Azure: all regions of the newer file, not only the US ones of catalog v6
    const azureCountries = new Set(offers.filter((o) => o.provider === 'azure').map((o) => o.country));
    expect(azureCountries.size).toBeGreaterThan(15);
    expect(offers.some((o) => o.provider === 'azure' && (o.source ?? '').includes('/v6/'))).toBe(false);
  });

  it('GCP rows stay accelerator + host VM, us-central1 only', () => {
    const gcp = offers.filter((o) => o.provider === 'gcp');
    expect(gcp.length).toBeGreaterThan(0);
    for (const o of gcp) {
      expect(o.region).toBe('us-central1');
      expect(o.notes).toMatch(/full VM = accelerator-only|DERIVED committed/);
    }
  });

  it('GCP on-demand figures the source doubts are no offer: H100 at $4.20 and A100-80GB below its own spot', () => {
    // The reference README: H100 $4.20076 in us-central1 vs $9.79655 in us-east4 "may be a DWS/flex or committed
    // SKU"; A100-80GB on-demand $1.8462 with spot $1.964. Neither is written as on-demand, nor committed from it.
    for (const family of ['a3-highgpu', 'a2-ultragpu'])
      for (const n of [1, 2, 4, 8]) {
        const instance = `${family}-${n}g`;
        expect(offersFor('gcp', instance, 'us-central1', 'Standard'), instance).toEqual([]);
        expect(offersFor('gcp', instance, 'us-central1', 'Committed'), instance).toEqual([]);
        const spot = offersFor('gcp', instance, 'us-central1', 'Dynamic');
        expect(spot, instance).toHaveLength(1);
        expect(spot[0]?.notes, instance).toMatch(
          /FLAG: no on-demand row: the source's on-demand \$[\d.]+\/h is doubted/,
        );
      }
    // A100 40GB: spot $1.4341 is 49 % of on-demand $2.93391, GCP's usual discount: its on-demand stays
    const a100 = offersFor('gcp', 'a2-highgpu-1g', 'us-central1', 'Standard');
    expect(a100).toHaveLength(1);
    expect(num(a100[0]?.usdPerGpuHour)).toBeCloseTo(2.93391 + 0.73948, 5);
    // every doubted price is counted as not written, per input file, with its reason
    for (const file of [INPUTS.skypilot, INPUTS.spotByZone]) {
      const ledger = ledgers.find((l) => l.file === file);
      const skipped = [...(ledger?.skippedPrices ?? new Map<string, number>())];
      expect(
        skipped.find(([why]) => why.startsWith('GCP H100 accelerator on-demand $4.20076'))?.[1],
        file,
      ).toBe(4);
      expect(
        skipped.find(([why]) => why.startsWith('GCP accelerator on-demand at or below its own spot'))?.[1],
        file,
      ).toBe(4);
    }
  });

  it('gcpSuspectOnDemand: the reference caveat and the spot test, and nothing else', () => {
    const row = (rawGpu: string, count: number, onDemand: number | undefined, spot?: number) => ({
      rawGpu,
      count,
      region: 'us-central1',
      gpuMemoryGiB: undefined,
      onDemand,
      spot: spot === undefined ? undefined : { typical: spot, min: spot, max: spot },
      spotBasis: 'catalog spot',
      source: 's',
      asOf: '2026-05-20',
      asOfNote: '',
      origin: { file: 'f', row: 0 },
    });
    expect(gcpSuspectOnDemand(row('H100', 8, 33.60609, 32.0104))).toMatch(/DWS\/flex/);
    expect(gcpSuspectOnDemand(row('H100', 1, 4.20076, 2.9926))).toMatch(/DWS\/flex/);
    expect(gcpSuspectOnDemand(row('H100', 1, 9.79655, 2.2356))).toBeUndefined();
    expect(gcpSuspectOnDemand(row('A100-80GB', 1, 1.8462, 1.964))).toMatch(/at or below its own spot/);
    // within 5 %: 0.96 x on-demand is doubted, 0.94 x is a (thin) real discount
    expect(gcpSuspectOnDemand(row('A100', 1, 2, 1.92))).toMatch(/at or below its own spot/);
    expect(gcpSuspectOnDemand(row('A100', 1, 2, 1.88))).toBeUndefined();
    expect(gcpSuspectOnDemand(row('A100', 1, 2.93391, 1.4341))).toBeUndefined();
    expect(gcpSuspectOnDemand(row('A100', 1, 2.93391))).toBeUndefined();
    expect(gcpSuspectOnDemand(row('A100', 1, undefined, 1.4341))).toBeUndefined();
  });
});

describe('decentralized supply as the sources state it', () => {
  const depin = () => referenceRows(INPUTS.depin);

  it('every priced row of depin-marketplace-prices.csv is an offer', () => {
    const priced = depin().filter((r) => r.usd_per_hour !== '');
    const ledger = ledgers.find((l) => l.file === INPUTS.depin);
    expect(ledger?.used).toBe(priced.length);
    expect(offers.filter((o) => o.provider === 'nosana')).toHaveLength(8);
    expect(offers.filter((o) => o.provider === 'spheron')).toHaveLength(11);
  });

  it('Nosana: token-denominated in NOS, 10 % network fee added, in networks.csv', () => {
    const nosana = offers.filter((o) => o.provider === 'nosana');
    for (const o of nosana) {
      expect(o.market).toBe('depin');
      expect(o.incentiveSymbol).toBe('NOS');
      expect(o.incentiveDenomination).toBe('token');
      expect(o.notes).toMatch(/network fee/);
    }
    const h100Premium = nosana.find((o) => o.instanceType === 'NVIDIA H100 market (PREMIUM)');
    expect(num(h100Premium?.usdPerGpuHour)).toBeCloseTo(1.3636 * 1.1, 6);
    const networks = csv(readFileSync(path.join(datasets, 'networks.csv')));
    // No source documents emissions to Nosana hosts: no share of the price is said to be paid by them.
    expect(networks.find((n) => n.provider === 'nosana')).toMatchObject({
      incentiveSymbol: 'NOS',
      defaultSubsidyShare: '0',
    });
  });

  it.each(['RTX3060', 'RTX4090', 'H100'])(
    'Nosana %s: PREMIUM and COMMUNITY are separate offers, premium dearer and more available',
    (gpu) => {
      const rows = offers.filter(
        (o) => o.provider === 'nosana' && o.gpu === gpu && o.gpusPerInstance === '1',
      );
      const premium = rows.find((o) => /PREMIUM/.test(o.instanceType ?? ''));
      const community = rows.find((o) => /COMMUNITY/.test(o.instanceType ?? ''));
      expect(premium?.id).not.toBe(community?.id);
      expect(num(premium?.usdPerGpuHour)).toBeGreaterThan(num(community?.usdPerGpuHour));
      expect(num(premium?.availability)).toBeGreaterThan(num(community?.availability));
      expect(num(premium?.interruptionsPerHour)).toBeLessThan(num(community?.interruptionsPerHour));
      expect(premium?.verified).toBe('true');
      expect(community?.verified).toBe('false');
      expect(community?.hosting).toBe('community');
      expect(community?.notes).toContain('hosting not stated; treated as community');
    },
  );

  it('Spheron: datacenter capacity in USD, dedicated and spot separate, 20-minute minimum', () => {
    const spheron = offers.filter((o) => o.provider === 'spheron');
    for (const o of spheron) {
      expect(o.market).toBe('depin');
      expect(o.hosting).toBe('datacenter');
      expect(o.incentiveSymbol).toBe('');
      expect(o.minimumBillableSeconds).toBe('1200');
      expect(o.notes).toMatch(/vendor's own figure/);
    }
    const h100 = spheron.filter((o) => o.gpu === 'H100');
    expect(h100.map((o) => o.pricingCategory).sort()).toEqual(['Dynamic', 'Standard']);
    // Rated as the GPU clouds whose machines it resells, not at its 99.95 % SLA (a service-credit threshold).
    expect(h100.find((o) => o.pricingCategory === 'Standard')?.availability).toBe('0.99');
  });

  it('no marketplace or DePIN offer is rated more available than a GPU cloud’s own machines', () => {
    // A DePIN network or marketplace rents hosts (community machines, or GPU clouds' machines resold): rated above
    // the GPU clouds' 0.99 it would need fewer spares than the clouds it resells, and look cheaper for serving work.
    const cloudRated = offers
      .filter((o) => o.market === 'gpu-cloud' && o.pricingCategory === 'Standard' && o.availability !== '')
      .map((o) => num(o.availability));
    const cloudFloor = Math.min(...cloudRated);
    expect(cloudFloor).toBe(0.99);
    const rated = offers.filter(
      (o) => ['marketplace', 'depin'].includes(o.market ?? '') && o.availability !== '',
    );
    expect(rated.length).toBeGreaterThan(30);
    for (const o of rated) expect(num(o.availability), o.id).toBeLessThanOrEqual(cloudFloor);
  });

  it('Spheron spot is rated as marketplace interruptible capacity (reclaimable "at any time"), not a cloud spot band', () => {
    const ruleOf = (o: { reliabilitySource?: string }) =>
      /^rule ([a-z0-9-]+): /.exec(o.reliabilitySource ?? '')?.[1];
    const spot = offers.filter((o) => o.provider === 'spheron' && o.pricingCategory === 'Dynamic');
    expect(spot).toHaveLength(5);
    const vast = offers.find((o) => ruleOf(o) === 'vast-interruptible');
    for (const o of spot) {
      expect(ruleOf(o), o.id).toBe('spheron-spot');
      // One reclaim a day plus host outages at the 0.95 marketplace filter: 1/24 + 0.05/0.95 = 0.0943 an hour,
      // as Vast interruptible; the A100 cloud band had given 0.0080.
      expect(num(o.interruptionsPerHour), o.id).toBeCloseTo(1 / 24 + 0.05 / 0.95, 6);
      expect(o.interruptionsPerHour).toBe(vast?.interruptionsPerHour);
      expect(o.availability).toBe('0.95');
      expect(o.reliabilitySource, o.id).toMatch(/reclaimable "at any time" \(reliability-facts "Spheron"\)/);
      expect(o.reliabilitySource, o.id).toMatch(/rated as marketplace interruptible/);
      expect(o.reliabilitySource, o.id).not.toMatch(/Spot Advisor/);
    }
  });

  it('Akash settles in USDC or AKT (either); a Vast range prices at its middle, not its cheapest host', () => {
    for (const o of offers.filter((x) => x.provider === 'akash'))
      expect(o.incentiveDenomination).toBe('either');
    const h100 = byId.get('vast:h100-80gb-low-end-of-1.85-2.50-range:any:standard');
    expect(h100?.notes).toMatch(/lowest \("from"/);
    expect([h100?.usdPerGpuHour, h100?.usdPerGpuHourMin, h100?.usdPerGpuHourMax]).toEqual([
      '2.175',
      '1.85',
      '2.5',
    ]);
    expect(h100?.notes).toMatch(/price = the middle of the source's stated range \$1.85-\$2.50/);
  });

  it('Akash leases are Standard, not spot: a won bid keeps its rate until the tenant closes the lease', () => {
    const akash = offers.filter((o) => o.provider === 'akash');
    expect(akash).toHaveLength(21);
    for (const o of akash) {
      expect(o.pricingCategory).toBe('Standard');
      expect(o.id).toMatch(/:standard$/);
      expect(o.notes).toMatch(/winning bid fixes the rate until the tenant closes the lease/);
      // still losable: the lease rule's provider closures and host outages stay
      expect(o.reliabilitySource).toMatch(/^rule akash-lease:/);
      expect(num(o.interruptionsPerHour)).toBeGreaterThan(0.1);
    }
    // the reference still files them as auction (Dynamic); the compile reclassifies, it does not drop
    expect(referenceRows(INPUTS.extra).filter((r) => r.provider === 'akash')).toHaveLength(21);
  });

  it('subsidy shares: Akash and Nosana 0 (programmes ended / none documented), any other share says it is assumed', () => {
    const networks = csv(readFileSync(path.join(datasets, 'networks.csv')));
    const share = (p: string) => networks.find((n) => n.provider === p)?.defaultSubsidyShare;
    expect([share('akash'), share('nosana'), share('render'), share('ionet')]).toEqual([
      '0',
      '0',
      '0.25',
      '0.25',
    ]);
    for (const n of networks) {
      if (num(n.defaultSubsidyShare) > 0)
        expect(n.scheduleNote).toMatch(/gpufit assumption \(no source states it\)/);
      // offers carry their network's share and its reason
      for (const o of offers.filter((x) => x.provider === n.provider && x.incentiveSymbol !== '')) {
        expect(o.incentiveSubsidyShare).toBe(n.defaultSubsidyShare);
        expect(o.notes).toContain(
          `incentiveSubsidyShare ${o.incentiveSubsidyShare}: ${SUBSIDY_SHARES[n.provider ?? '']?.why}`,
        );
      }
    }
    // the Akash pilots end on a calendar month the source dates, not at a month of the plan
    expect(networks.find((n) => n.provider === 'akash')).toMatchObject({
      scheduleKind: 'step',
      scheduleParam: '',
      scheduleEndMonth: '2025-11',
    });
    expect(networks.find((n) => n.provider === 'akash')?.scheduleNote).toMatch(/PIP02 passed Nov 2024/);
  });

  it('market classification: marketplaces and DePIN networks as the reference has them', () => {
    const marketOf = (p: string) => [...new Set(offers.filter((o) => o.provider === p).map((o) => o.market))];
    for (const p of ['vast', 'hyperbolic', 'tensordock']) expect(marketOf(p)).toEqual(['marketplace']);
    for (const p of ['akash', 'nosana', 'spheron', 'salad', 'render']) expect(marketOf(p)).toEqual(['depin']);
  });
});

describe('reliability from named rules (datasets/scripts/data/reliability.ts)', () => {
  const ruleOf = (o: Row) => /^rule ([a-z0-9-]+): /.exec(o.reliabilitySource ?? '')?.[1];

  it('every row names a rule that exists, and carries exactly its numbers', () => {
    for (const o of offers) {
      const id = ruleOf(o);
      expect(id, o.id).toBeDefined();
      const rule = reliabilityRule(id ?? '');
      expect(o.availability, o.id).toBe(rule.availability === undefined ? '' : String(rule.availability));
      const perInstance =
        rule.interruptions.perHour * (rule.interruptions.per === 'gpu' ? num(o.gpusPerInstance) : 1);
      expect(Math.abs(num(o.interruptionsPerHour) - perInstance), o.id).toBeLessThanOrEqual(
        perInstance * 1e-5,
      );
    }
  });

  it('each rule cites its source or says gpufit assumption', () => {
    for (const r of RELIABILITY_RULES)
      expect(r.source).toMatch(/reliability-facts|price-facts|SLA|gpufit assumption/);
  });

  // Vectors: the band mid-point p over a 24 h instance life, λ = -ln(1 - p) / 24 (hand-computed to 4 figures).
  it.each([
    // AWS: the Spot Advisor as read on 2026-02-24 (Thunder Compute): p5.48xlarge 15–20 %, p4d 5–10 %, g6f L4 5–10 %.
    ['spot-band-aws-h100', 0.175, 0.008015],
    ['spot-band-aws-a100', 0.075, 0.003248],
    ['spot-band-aws-l4', 0.075, 0.003248],
    ['spot-band-hopper-blackwell', 0.25, 0.011987],
    ['spot-band-a100', 0.175, 0.008015],
    ['spot-band-ada-ampere', 0.125, 0.005564],
    ['spot-band-older', 0.075, 0.003248],
  ])('%s: p = %s over a 24 h life, λ = %s per instance-hour, availability left to the engine', (id, p, λ) => {
    const r = reliabilityRule(id);
    expect(r.interruptions.per).toBe('instance');
    expect(r.interruptions.perHour).toBeCloseTo(λ, 6);
    expect(r.interruptions.perHour).toBeCloseTo(-Math.log(1 - p) / 24, 12);
    expect(spotHazardFromBand(p)).toBeCloseTo(r.interruptions.perHour, 12);
    // The band's share comes back: an instance living 24 h at λ is reclaimed with probability p.
    expect(1 - Math.exp(-r.interruptions.perHour * 24)).toBeCloseTo(p, 12);
    expect(r.source).toContain(`p = ${p}`);
    expect(r.availability).toBeUndefined();
  });

  it.each([
    [0.15, 0.2, 0.175, 'band 15-20 %, p = 0.175'],
    [0.05, 0.1, 0.075, 'band 5-10 %, p = 0.075'],
    [0, 0.05, 0.025, 'band <5 %, p = 0.025'],
    // the 2025-05-01 p5 reading: two Advisor bands, said so, p the mid-point of the whole span
    [
      0.1,
      0.2,
      0.15,
      'reported 10-20 %, which spans the Advisor bands 10-15 % and 15-20 %; p = 0.15, the mid-point of the span',
    ],
  ])('a source range %s-%s → p = %s, "%s"', (lo, hi, p, text) => {
    expect(advisorBandShare(lo, hi)).toEqual({ p, text });
  });

  it('a range whose ends are not Spot Advisor band edges, or that reaches the open >20 % band, is refused', () => {
    for (const [lo, hi] of [
      [0.12, 0.2],
      [0.1, 0.18],
      [0.2, 0.1],
      [0.2, 1],
    ] as const)
      expect(() => advisorBandShare(lo, hi)).toThrow(RangeError);
  });

  it('property: p lies inside the range, and the text names a span exactly when the range covers several bands', () => {
    const closed = SPOT_ADVISOR_BANDS.filter(([, h]) => h < 1);
    fc.assert(
      fc.property(fc.nat(closed.length - 1), fc.nat(closed.length - 1), (i, j) => {
        const [a, b] = i <= j ? [i, j] : [j, i];
        const lo = closed[a]![0];
        const hi = closed[b]![1];
        const { p, text } = advisorBandShare(lo, hi);
        expect(p).toBeGreaterThan(lo);
        expect(p).toBeLessThan(hi);
        expect(text.includes('spans the Advisor bands')).toBe(b > a);
        expect(text).toContain(`p = ${p}`);
      }),
    );
  });

  it('AWS spot rules cite the newest dated reading and the band each family was read in', () => {
    for (const [id, band] of [
      ['spot-band-aws-h100', 'band 15-20 %'],
      ['spot-band-aws-a100', 'band 5-10 %'],
      ['spot-band-aws-l4', 'band 5-10 %'],
    ] as const) {
      const src = reliabilityRule(id).source;
      expect(src).toContain(band);
      expect(src).toContain('read 2026-02-24 by Thunder Compute');
      expect(src).toContain('thundercompute.com/blog/cloud-gpu-spot-instance-availability');
    }
    // The reading names g6f.xlarge (a fractional L4); the whole-GPU g6 rows taking its band is labelled.
    expect(reliabilityRule('spot-band-aws-l4').source).toMatch(
      /g6f\.xlarge.*g6 taken the same: gpufit assumption/,
    );
  });

  it('a DePIN lease held all month keeps the monthly reading: p = 0.25 → 3.941e-4 an hour (λ = -ln 0.75 / 730)', () => {
    expect(hazardFromMonthlyProbability(0.25)).toBeCloseTo(3.941e-4, 7);
    const akash = reliabilityRule('akash-lease');
    expect(akash.hostFailures?.otherPerHour).toBeCloseTo(hazardFromMonthlyProbability(0.25), 12);
    expect(akash.source).toMatch(/held all month/);
  });

  it('spot/interruptible rates: every Dynamic row carries a source and the gpufit assumption it rests on', () => {
    const dynamic = offers.filter((o) => o.pricingCategory === 'Dynamic');
    expect(dynamic.length).toBeGreaterThan(800);
    for (const o of dynamic) {
      expect(num(o.interruptionsPerHour), o.id).toBeGreaterThan(0);
      const src = o.reliabilitySource ?? '';
      // Every spot rate rests on an unsourced step (the instance life, the band by maturity, the outbid rate):
      // labelled where it is taken.
      expect(src, o.id).toContain('gpufit assumption');
      // A cited source (a reference file with its section, or a page address), or the whole rule is an assumption.
      const cited = /price-facts §\d|reliability-facts|https?:\/\/|[a-z0-9-]+\.(com|ai|io|org)\//.test(src);
      expect(cited || /^rule [a-z0-9-]+: gpufit assumption/.test(src), o.id).toBe(true);
    }
    // Cloud spot names its lifetime assumption, where the band it converts comes from, and the conversion.
    for (const o of dynamic.filter((x) => /^rule spot-band-/.test(x.reliabilitySource ?? ''))) {
      expect(o.reliabilitySource, o.id).toMatch(
        /L = 24 h instance life: gpufit assumption \(legacy GCE preemptible maximum runtime, price-facts §8; not a measured mean life/,
      );
      expect(o.reliabilitySource, o.id).not.toMatch(/mean instance life/);
      expect(o.reliabilitySource, o.id).toMatch(/λ = -ln\(1-p\)\/L/);
    }
  });

  it('the ratio is stated: Vast interruptible is interrupted more often than the worst cloud spot band, not 240x', () => {
    const vast = reliabilityRule('vast-interruptible').interruptions.perHour;
    const worst = reliabilityRule('spot-band-hopper-blackwell').interruptions.perHour;
    expect(vast / worst).toBeGreaterThan(1);
    expect(vast / worst).toBeLessThan(10);
    expect(reliabilityRule('vast-interruptible').source).toContain('gpufit assumption one outbid stop a day');
  });

  it.each([
    ['H100', 'spot-band-aws-h100'],
    ['A100-40GB', 'spot-band-aws-a100'],
    ['A100-80GB', 'spot-band-aws-a100'],
    ['L4', 'spot-band-aws-l4'],
  ])('AWS %s spot takes %s (a cited Spot Advisor band)', (gpu, id) => {
    expect(AWS_SPOT_BAND_OF_GPU[gpu]).toBe(id);
    const rows = offers.filter(
      (o) => o.provider === 'aws' && o.gpu === gpu && o.pricingCategory === 'Dynamic',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const o of rows) expect(ruleOf(o), o.id).toBe(id);
  });

  it.each([
    ['H100', 'spot-band-hopper-blackwell'],
    ['B200', 'spot-band-hopper-blackwell'],
    ['H200', 'spot-band-hopper-blackwell'],
    ['A100-80GB', 'spot-band-a100'],
    ['A100-40GB', 'spot-band-a100'],
    ['A10', 'spot-band-ada-ampere'],
    ['A10G', 'spot-band-ada-ampere'],
    ['T4', 'spot-band-older'],
    ['V100', 'spot-band-older'],
  ])('%s spot takes %s', (gpu, id) => {
    expect(SPOT_BAND_OF_GPU[gpu]).toBe(id);
    const rows = offers.filter(
      (o) =>
        o.gpu === gpu &&
        o.pricingCategory === 'Dynamic' &&
        ['hyperscaler', 'gpu-cloud'].includes(o.market ?? '') &&
        !(o.provider === 'aws' && AWS_SPOT_BAND_OF_GPU[gpu] !== undefined),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const o of rows) expect(ruleOf(o), o.id).toBe(id);
  });

  it('datacenter on-demand: Llama 3 405B rate 419 / (16,384 x 54 d x 24 h) per GPU-hour, times the GPUs', () => {
    expect(LLAMA3_INTERRUPTIONS_PER_GPU_HOUR).toBeCloseTo(1.97e-5, 7);
    const p5 = byId.get('aws:p5.48xlarge:us-east-1:standard');
    expect(ruleOf(p5 ?? {})).toBe('datacenter-on-demand-aws');
    expect(num(p5?.interruptionsPerHour)).toBeCloseTo(8 * (419 / (16_384 * 54 * 24)), 9);
    expect(p5?.availability).toBe('0.995');
    const lambda = offers.find((o) => o.provider === 'lambda' && o.pricingCategory === 'Standard');
    expect(ruleOf(lambda ?? {})).toBe('datacenter-on-demand-gpu-cloud');
    expect(lambda?.availability).toBe('0.99');
  });

  it('Dynamic rows of hyperscalers and GPU clouds leave availability to the engine', () => {
    const spot = offers.filter(
      (o) => o.pricingCategory === 'Dynamic' && ['hyperscaler', 'gpu-cloud'].includes(o.market ?? ''),
    );
    for (const o of spot) expect(o.availability, o.id).toBe('');
  });

  it('Salad: the single-tier list is not preemptible by other workloads, the Low price is', () => {
    const salad = offers.filter((o) => o.provider === 'salad');
    const low = salad.filter((o) => o.pricingCategory === 'Dynamic');
    expect(low.map(ruleOf)).toEqual(['salad-low']);
    for (const o of salad.filter((x) => x.pricingCategory === 'Standard'))
      expect(ruleOf(o)).toBe('salad-single-tier');
    expect(num(low[0]?.interruptionsPerHour)).toBeGreaterThan(
      num(salad.find((o) => o.pricingCategory === 'Standard')?.interruptionsPerHour),
    );
  });

  it('marketplace and DePIN hosts that are down drop their jobs: λ = other + (1 − a)/(a × 1 h)', () => {
    // Vast on-demand, reliability2 >= 0.95, 1 h mean outage: 0.05 / 0.95 = 0.0526316 an hour, MTBF 19 h.
    const vast = byId.get('vast:h100-sxm-marketplace-median-4-verified-rentable-1x-offers:any:standard');
    expect(ruleOf(vast ?? {})).toBe('vast-on-demand-filter');
    expect(vast?.availability).toBe('0.95');
    expect(num(vast?.interruptionsPerHour)).toBeCloseTo(0.05 / 0.95, 6);
    // Outbid once a day plus the same host outages.
    const bid = offers.find((o) => ruleOf(o) === 'vast-interruptible');
    expect(num(bid?.interruptionsPerHour)).toBeCloseTo(1 / 24 + 0.05 / 0.95, 6);
    // Nosana PREMIUM: the worst Spot Advisor band stands in for a node leaving, plus host outages.
    const nosana = offers.find((o) => ruleOf(o) === 'nosana-premium');
    expect(num(nosana?.interruptionsPerHour)).toBeCloseTo(-Math.log(0.75) / 730 + 0.05 / 0.95, 6);
    // RunPod Community (marketplace-on-demand) is no longer a host that never fails.
    const community = byId.get('runpod:h100-sxm-community-cloud:global:standard');
    expect(ruleOf(community ?? {})).toBe('marketplace-on-demand');
    expect(num(community?.interruptionsPerHour)).toBeGreaterThan(0.05);

    const hostRules = RELIABILITY_RULES.filter((r) => r.hostFailures !== undefined);
    expect(hostRules.map((r) => r.id).sort()).toEqual(
      [
        'akash-lease',
        'marketplace-on-demand',
        'nosana-community',
        'nosana-premium',
        'render-economy',
        'render-priority',
        'salad-low',
        'salad-single-tier',
        'spheron-spot',
        'vast-interruptible',
        'vast-interruptible-floor',
        'vast-on-demand-filter',
        'vast-price-floor',
        'vast-tier-average',
      ].sort(),
    );
    for (const r of hostRules) {
      const h = r.hostFailures!;
      expect(h.perHour, r.id).toBeCloseTo((1 - h.availability) / h.availability, 12);
      expect(r.interruptions.perHour, r.id).toBeCloseTo(h.otherPerHour + h.perHour, 12);
      if (r.availability !== undefined) expect(h.availability, r.id).toBe(r.availability);
      expect(r.source, r.id).toMatch(/1 h mean outage/);
    }
    // Every marketplace or DePIN row that states an availability below 1 is interrupted at least as often as
    // its outages imply (datacenter SLA rows such as Spheron Dedicated keep their sourced rate).
    for (const o of offers.filter((x) => ['marketplace', 'depin'].includes(x.market ?? ''))) {
      if (o.availability === '' || ruleOf(o) === 'spheron-dedicated') continue;
      const a = num(o.availability);
      expect(num(o.interruptionsPerHour), o.id).toBeGreaterThanOrEqual(((1 - a) / a) * (1 - 1e-5));
    }
  });

  it('hostFailuresPerHour is the engine’s own λ = (1 − a)/(a·D) for every availability', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), (a) => {
        const h = hostFailuresPerHour(a);
        expect(h).toBeCloseTo(interruptionsFromAvailability(a), 12);
        expect(h).toBeGreaterThanOrEqual(0);
        // The share of time down implied by λ and D = 1 h, λD/(1 + λD), is 1 − a again.
        expect((h * ASSUMED_OUTAGE_HOURS) / (1 + h * ASSUMED_OUTAGE_HOURS)).toBeCloseTo(1 - a, 9);
      }),
    );
  });

  it('vastInterruptiblePrice: on-demand x 0.5, lifted to the observed floor, none where the floor is not below on-demand', () => {
    expect(vastInterruptiblePrice(2, undefined)).toEqual({ usdPerGpuHour: 1, lifted: false });
    expect(vastInterruptiblePrice(1, 0.3)).toEqual({ usdPerGpuHour: 0.5, lifted: false });
    expect(vastInterruptiblePrice(0.395, 0.31)).toEqual({ usdPerGpuHour: 0.31, lifted: true });
    expect(vastInterruptiblePrice(0.165, 0.18)).toBeNull();
    expect(vastInterruptiblePrice(0.18, 0.18)).toBeNull();
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.option(fc.double({ min: 0.01, max: 50, noNaN: true }), { nil: undefined }),
        (od, floor) => {
          const r = vastInterruptiblePrice(od, floor);
          if (r === null) return floor !== undefined && floor >= od;
          return r.usdPerGpuHour < od && (floor === undefined || r.usdPerGpuHour >= floor);
        },
      ),
    );
  });

  it('no derived Vast interruptible price below the observed interruptible floor of its GPU, or at/above its on-demand', () => {
    const floors = new Map<string, number>();
    for (const o of offers)
      if (o.provider === 'vast' && o.pricingCategory === 'Dynamic' && !/DERIVED/.test(o.notes ?? ''))
        floors.set(o.gpu ?? '', Math.min(floors.get(o.gpu ?? '') ?? Infinity, num(o.usdPerGpuHour)));
    expect(Object.fromEntries(floors)).toEqual({ 'A100-40GB': 0.4, RTX3090: 0.18, RTX4090: 0.31 });
    const derived = offers.filter(
      (o) => o.provider === 'vast' && o.pricingCategory === 'Dynamic' && /DERIVED/.test(o.notes ?? ''),
    );
    expect(derived.length).toBeGreaterThan(50);
    for (const o of derived) {
      const parent = byId.get((o.id ?? '').replace(/:dynamic$/, ':standard'));
      expect(num(o.usdPerGpuHour)).toBeLessThan(num(parent?.usdPerGpuHour));
      const floor = floors.get(o.gpu ?? '');
      if (floor !== undefined) expect(num(o.usdPerGpuHour)).toBeGreaterThanOrEqual(floor);
    }
    // RTX 4090 rows: the $0.31 floor, not on-demand x 0.5 ($0.173-0.200); RTX 3090's on-demand is under its floor
    const rtx4090 = derived.filter((o) => o.gpu === 'RTX4090');
    expect(rtx4090).toHaveLength(13);
    for (const o of rtx4090) expect(o.usdPerGpuHour).toBe('0.31');
    expect(derived.filter((o) => o.gpu === 'RTX3090')).toEqual([]);
    expect(files['README.md']).toContain('Vast interruptible withheld 2');
  });

  it('Vast: lowest "from" prices take the budget band, the median of verified offers the 0.95 filter', () => {
    expect(ruleOf(byId.get('vast:h200-from:any:standard') ?? {})).toBe('vast-price-floor');
    expect(
      ruleOf(byId.get('vast:h100-sxm-marketplace-median-4-verified-rentable-1x-offers:any:standard') ?? {}),
    ).toBe('vast-on-demand-filter');
    expect(ruleOf(byId.get('vast:rtx-4090-interruptible-from:any:dynamic') ?? {})).toBe(
      'vast-interruptible-floor',
    );
  });
});

describe('billing increments where a source states them', () => {
  it.each([
    ['aws', '1', '60'],
    ['gcp', '1', '60'],
    ['lambda', '60', ''],
    ['akash', '6', ''],
    ['salad', '1', ''],
    ['nosana', '1', ''],
    ['spheron', '', '1200'],
    ['azure', '', ''],
    ['coreweave', '', ''],
  ])('%s: increment %s s, minimum %s s', (provider, increment, minimum) => {
    // Capacity Blocks have their own terms (whole days), tested below.
    const rows = offers.filter((o) => o.provider === provider && !(o.id ?? '').includes('capacity-block'));
    expect(rows.length).toBeGreaterThan(0);
    for (const o of rows) {
      expect(o.billingIncrementSeconds, o.id).toBe(increment);
      expect(o.minimumBillableSeconds, o.id).toBe(minimum);
    }
    if (increment !== '' || minimum !== '') expect(BILLING[provider]?.source).toBeTruthy();
  });

  it('AWS Capacity Blocks are Committed (as the reference files them) for the whole days booked, with no term of months', () => {
    const blocks = offers.filter((o) => (o.id ?? '').includes('capacity-block'));
    expect(blocks.length).toBe(5);
    for (const o of blocks) {
      expect(
        [o.pricingCategory, o.termMonths, o.billingIncrementSeconds, o.minimumBillableSeconds],
        o.id,
      ).toEqual(['Committed', '', '86400', '86400']);
      expect(o.id).toMatch(/:committed$/);
      expect(o.notes).toMatch(/Capacity Block for ML/);
    }
  });

  it('a Capacity Block names the AWS page its stored mirror copies, not the mirror host; the mirror address stays in notes', () => {
    const blocks = offers.filter((o) => (o.id ?? '').includes('capacity-block'));
    for (const o of blocks) {
      expect(o.source, o.id).toMatch(/^AWS "Amazon EC2 Capacity Blocks for ML Pricing" page/);
      expect(o.source, o.id).toContain('aws.amazon.com/ec2/capacityblocks/pricing');
      expect(o.source, o.id).toContain('stored mirror');
      expect(o.source, o.id).not.toContain('sibshop');
      expect(o.notes, o.id).toContain(
        'stored mirror read: http://sibshop.uat.jiralog.com/ec2/capacityblocks/pricing',
      );
    }
  });
});

describe('certifications outside the hyperscalers only where a provider states them (data/certifications.ts)', () => {
  const certsOf = (o: Row): string[] => (o.certifications ? o.certifications.split(';') : []);
  const inEea = (o: Row): boolean => (o.country ?? '') !== '' && BLOC_COUNTRIES.EEA.has(o.country ?? '');
  /** The sources whose provider, market and bloc cover a row (the compile's own rule, restated). */
  const covering = (o: Row) =>
    CERTIFICATION_SOURCES.filter(
      (src) =>
        src.provider === o.provider &&
        (src.scope.market === undefined || src.scope.market === o.market) &&
        (src.scope.bloc === undefined || inEea(o)),
    );
  const notHyperscaler = () => offers.filter((o) => o.market !== 'hyperscaler');

  it('every certification on a non-hyperscaler offer has a source row that covers the offer, cited in its notes', () => {
    let certified = 0;
    for (const o of notHyperscaler()) {
      const sources = covering(o);
      for (const c of certsOf(o)) {
        const from = sources.filter((src) => (src.certifications as readonly string[]).includes(c));
        expect(from.length, `${o.id}: ${c}`).toBeGreaterThan(0);
        for (const src of from)
          expect(o.notes, o.id).toContain(`certifications: ${src.certifications.join(', ')} from ${src.url}`);
        certified += 1;
      }
      // and every certification a covering source states is written (none dropped)
      for (const src of sources) for (const c of src.certifications) expect(certsOf(o), o.id).toContain(c);
    }
    expect(certified).toBeGreaterThan(0);
  });

  it('every source row names a URL, an as-of date and a quote, and covers at least one offer', () => {
    for (const src of CERTIFICATION_SOURCES) {
      expect(src.url, src.provider).toMatch(/^https:\/\//);
      expect(src.asOf, src.provider).toMatch(/\d{4}-\d{2}/);
      expect(src.quote.length, src.provider).toBeGreaterThan(20);
      expect(src.scopeNote.length, src.provider).toBeGreaterThan(20);
      expect(
        notHyperscaler().some((o) => covering(o).includes(src)),
        `${src.provider} ${src.certifications.join(',')}`,
      ).toBe(true);
    }
  });

  it('RunPod: Secure Cloud holds soc2, Community Cloud (third-party hosts) nothing', () => {
    const secure = offers.filter((o) => o.provider === 'runpod' && o.market === 'gpu-cloud');
    const community = offers.filter((o) => o.provider === 'runpod' && o.market === 'marketplace');
    expect(secure.length).toBeGreaterThan(0);
    expect(community.length).toBeGreaterThan(0);
    for (const o of secure) expect(certsOf(o), o.id).toContain('soc2');
    for (const o of community) expect(certsOf(o), o.id).toEqual([]);
  });

  it('region-scoped gdpr stays in the EEA: RunPod Secure and Nebius rows elsewhere, or with no country, lack it', () => {
    const scoped = offers.filter(
      (o) => o.provider === 'nebius' || (o.provider === 'runpod' && o.market === 'gpu-cloud'),
    );
    const inside = scoped.filter(inEea);
    const outside = scoped.filter((o) => !inEea(o));
    expect(inside.length).toBeGreaterThan(0);
    expect(outside.map((o) => o.country)).toEqual(expect.arrayContaining(['US', '']));
    for (const o of inside) expect(certsOf(o), o.id).toContain('gdpr');
    for (const o of outside) expect(certsOf(o), o.id).not.toContain('gdpr');
  });

  it("a provider's statement does not leak to a sibling brand or to providers with none on record", () => {
    // DigitalOcean's SOC 2 names DigitalOcean; Paperspace (a DigitalOcean company) is listed apart and keeps none.
    expect(
      offers.filter((o) => o.provider === 'digitalocean').every((o) => certsOf(o).includes('soc2')),
    ).toBe(true);
    const none = [
      'paperspace',
      'lambda',
      'coreweave',
      'massedcompute',
      'crusoe',
      'fluidstack',
      'hyperstack',
      'vultr',
    ];
    for (const o of offers.filter((x) => none.includes(x.provider ?? '')))
      expect(certsOf(o), o.id).toEqual([]);
  });

  it('marketplaces and DePIN networks hold none: their hosts are third parties no statement covers', () => {
    const rows = offers.filter((o) => o.market === 'marketplace' || o.market === 'depin');
    expect(rows.length).toBeGreaterThan(0);
    for (const o of rows) expect(certsOf(o), o.id).toEqual([]);
  });
});
