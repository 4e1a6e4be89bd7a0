// `gpufit offers --compliance` and `--residency` on the bundled catalog: a HIPAA buyer listing H100s saw Nosana and Hyperbolic first.
// The filter is the analysis's own rule for a workload's compliance, so what it keeps is what the analysis may price.
import { offerMatches } from '@gpufit/analysis';
import { placeFeasible } from '@gpufit/pricing';
import {
  COMPLIANCE_REQUIREMENTS,
  type Offer,
  placeIncludesCountry,
  workloadProfileSchema,
} from '@gpufit/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../src/data/loadBundledCatalog.js';
import { runBuiltCli } from './support/runBuiltCli.js';

let catalog: readonly Offer[];
beforeAll(async () => {
  catalog = (await loadBundledCatalog()).offers.rows;
});

interface OffersJson {
  readonly matched: number;
  readonly rows: readonly { provider: string; market: string }[];
  readonly offers: readonly { offer: Offer }[];
}
const offersJson = async (...args: string[]): Promise<OffersJson> => {
  const r = await runBuiltCli(['offers', ...args, '--json', '--limit', '1000']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as OffersJson;
};

describe('gpufit offers --compliance and --residency (built CLI, bundled catalog)', () => {
  it('a HIPAA buyer’s H100 list holds only offers the catalog records HIPAA for: no DePIN, no marketplace', async () => {
    const all = await offersJson('--gpu', 'H100');
    expect(all.rows[0]!.market).toBe('depin'); // what the reviewer saw first
    const hipaa = await offersJson('--gpu', 'H100', '--compliance', 'hipaa');
    expect(hipaa.matched).toBeGreaterThan(0);
    expect(hipaa.matched).toBeLessThan(all.matched);
    expect(hipaa.matched).toBe(
      catalog.filter((o) => o.gpu === 'H100' && o.certifications.includes('hipaa')).length,
    );
    for (const { offer } of hipaa.offers) expect(offer.certifications).toContain('hipaa');
    expect(new Set(hipaa.rows.map((r) => r.market))).toEqual(new Set(['hyperscaler']));
    // Several: every one of them, in any case.
    const both = await offersJson('--gpu', 'H100', '--compliance', 'HIPAA,soc2', '--compliance', 'fedramp');
    for (const { offer } of both.offers)
      expect(offer.certifications).toEqual(expect.arrayContaining(['hipaa', 'soc2', 'fedramp']));
    expect(both.matched).toBe(
      catalog.filter(
        (o) =>
          o.gpu === 'H100' &&
          (['hipaa', 'soc2', 'fedramp'] as const).every((c) => o.certifications.includes(c)),
      ).length,
    );
  });

  it('gdpr is met by the record or inside the EEA on datacenter hosts, as the analysis reads it, and says so', async () => {
    const r = await runBuiltCli(['offers', '--gpu', 'H100', '--compliance', 'gdpr', '--all-regions']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /gdpr: the catalog records none for .*Lambda.*; their matched offers run inside the EEA on datacenter hosts/,
    );
    const gdpr = await offersJson('--gpu', 'H100', '--compliance', 'gdpr');
    const inPlace = gdpr.offers.filter(({ offer }) => !offer.certifications.includes('gdpr'));
    expect(inPlace.length).toBeGreaterThan(0);
    for (const { offer } of inPlace) {
      expect(offer.hosting).toBe('datacenter');
      expect(placeIncludesCountry('EEA', offer.country!)).toBe(true);
    }
  });

  it('keeps exactly the offers the analysis’s compliance rule accepts, for every requirement', () => {
    for (const c of COMPLIANCE_REQUIREMENTS) {
      const profile = workloadProfileSchema.parse({
        id: 'w',
        kind: 'batch-inference',
        gpuHoursPerMonth: 10,
        compliance: [c],
      });
      const disagree = catalog.filter(
        (o) => offerMatches(o, { compliance: [c] }) !== placeFeasible(profile, o),
      );
      expect(
        disagree.map((o) => o.id),
        c,
      ).toEqual([]);
    }
  });

  it('--residency keeps what the analysis accepts for a workload’s residency: a community host’s word is not enough', async () => {
    // --region DE lists Vast community RTX 4090s that say they are in Germany; the analysis would refuse them.
    const region = await offersJson('--gpu', 'RTX 4090', '--region', 'DE');
    expect(region.offers.some(({ offer }) => offer.hosting === 'community')).toBe(true);
    const r = await runBuiltCli(['offers', '--gpu', 'RTX 4090', '--residency', 'DE']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('and none of them --residency DE.');
    const eu = await offersJson('--gpu', 'H100', '--residency', 'eu,NO');
    expect(eu.matched).toBeGreaterThan(0);
    for (const { offer } of eu.offers) {
      expect(offer.hosting === 'datacenter' || offer.verified).toBe(true);
      expect(placeIncludesCountry('EU', offer.country!) || offer.country === 'NO').toBe(true);
    }
    const continent = await runBuiltCli(['offers', '--residency', 'europe']);
    expect(continent.code).toBe(2);
    expect(continent.stderr).toContain('a continent (europe) is not a jurisdiction');
  });

  it('--residency keeps exactly the offers the analysis’s residency rule accepts', () => {
    for (const places of [['EU'], ['EEA'], ['US'], ['DE', 'FR'], ['APAC']]) {
      const profile = workloadProfileSchema.parse({
        id: 'w',
        kind: 'batch-inference',
        gpuHoursPerMonth: 10,
        residency: places,
      });
      const disagree = catalog.filter(
        (o) => offerMatches(o, { residency: places }) !== placeFeasible(profile, o),
      );
      expect(
        disagree.map((o) => o.id),
        places.join(','),
      ).toEqual([]);
    }
  });

  it('an unknown requirement is exit 2 with the vocabulary; one no offer of a selection meets says which filter emptied it', async () => {
    const typo = await runBuiltCli(['offers', '--compliance', 'hipa']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      '"hipa" is not a compliance requirement; choose from soc2, hipaa, iso27001, pci-dss, gdpr, fedramp',
    );
    const depin = await runBuiltCli(['offers', '--market', 'depin', '--compliance', 'hipaa']);
    expect(depin.code).toBe(0);
    expect(depin.stderr).toMatch(
      /No offer matches these filters together: \d+ offers match --market depin, and none of them --compliance hipaa\./,
    );
  });
});
