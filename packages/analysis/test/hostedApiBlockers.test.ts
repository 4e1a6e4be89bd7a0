/**
 * hostedApiBlockers: each requirement of a workload against one provider's sourced terms (datasets/hosted-api-terms.csv).
 * A term on record admits (certification → itself, hipaa → a BAA, confidential data → zero retention, regulated data →
 * a BAA, residency → serving places inside it); a missing one refuses, naming the provider. Then the comparison picks
 * the cheapest counted provider, and the risk sentence names the term and its condition.
 */
import { type HostedApiPriceRow, type HostedApiTermRow, hostedApiPriceTable } from '@gpufit/pricing';
import { COMPLIANCE_REQUIREMENTS, DATA_SENSITIVITIES } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostedApiAdmissions, hostedApiBlockers } from '../src/hostedApiBlockers.js';
import { compareHostedApi } from '../src/hostedApiComparison.js';
import { type RiskEvidence, riskRules, sayRisk } from '../src/risks.js';
import { hostedApiWorkload, riskEvidence } from './support/builders.js';

const term = (over: Partial<HostedApiTermRow>): HostedApiTermRow => ({
  provider: 'together',
  term: 'zero-retention',
  basis: 'default',
  places: [],
  condition: '',
  source: 'https://example.test/terms',
  asOf: '2026-12-04',
  quote: 'we keep nothing',
  notes: '',
  ...over,
});
const row = { providerName: 'Together AI' };
const profile = (extra: Record<string, unknown>) =>
  hostedApiWorkload({ id: 'w', model: 'Llama 3.3 70B', ...extra });
const blockers = (extra: Record<string, unknown>, terms: HostedApiTermRow[]) =>
  hostedApiBlockers(profile(extra), row, terms);
const admitted = (extra: Record<string, unknown>, terms: HostedApiTermRow[]) =>
  hostedApiAdmissions(profile(extra), row, terms).map((a) => `${a.requirement}:${a.term.term}`);

describe('hostedApiBlockers: each term on record admits, each missing term refuses with the provider named', () => {
  it('a certification: soc2 on record admits soc2; without it, soc2 is missing at Together AI', () => {
    const soc2 = term({ term: 'soc2' });
    expect(blockers({ compliance: ['soc2'] }, [soc2])).toEqual([]);
    expect(admitted({ compliance: ['soc2'] }, [soc2])).toEqual(['soc2:soc2']);
    expect(blockers({ compliance: ['soc2'] }, [term({ term: 'iso27001' })])).toEqual([
      { code: 'certifications', providerName: 'Together AI', missing: ['soc2'] },
    ]);
  });

  it('hipaa is met by a BAA, not by zero retention', () => {
    expect(
      blockers({ compliance: ['hipaa'] }, [term({ term: 'baa', basis: 'enterprise', condition: 'sign it' })]),
    ).toEqual([]);
    expect(blockers({ compliance: ['hipaa', 'soc2'] }, [term({})])).toEqual([
      { code: 'certifications', providerName: 'Together AI', missing: ['hipaa', 'soc2'] },
    ]);
  });

  it('confidential data: zero retention on record admits it, by default or on request; without it, refused', () => {
    expect(blockers({ dataSensitivity: 'confidential' }, [term({})])).toEqual([]);
    const onRequest = term({ basis: 'on-request', condition: 'turn it on' });
    expect(admitted({ dataSensitivity: 'confidential' }, [onRequest])).toEqual([
      'confidential:zero-retention',
    ]);
    expect(blockers({ dataSensitivity: 'confidential' }, [term({ term: 'soc2' })])).toEqual([
      { code: 'data-agreement', providerName: 'Together AI', dataSensitivity: 'confidential' },
    ]);
  });

  it('regulated data: only a BAA admits it (zero retention does not)', () => {
    const baa = term({ term: 'baa', basis: 'enterprise', condition: 'sign it' });
    expect(blockers({ dataSensitivity: 'regulated' }, [baa])).toEqual([]);
    expect(blockers({ dataSensitivity: 'regulated' }, [term({})])).toEqual([
      { code: 'data-agreement', providerName: 'Together AI', dataSensitivity: 'regulated' },
    ]);
  });

  it('residency: serving places inside it admit; global routing, a place outside or nothing stated refuse', () => {
    const serving = (places: string[]) => [term({ term: 'serving-regions', places })];
    expect(blockers({ residency: ['EU'] }, serving(['DE', 'FR']))).toEqual([]);
    expect(blockers({ residency: ['EU'] }, serving(['EU']))).toEqual([]);
    const refused = (stated: string[] | null) => [
      { code: 'residency', providerName: 'Together AI', places: ['EU'], stated },
    ];
    expect(blockers({ residency: ['EU'] }, serving(['global']))).toEqual(refused(['global']));
    expect(blockers({ residency: ['EU'] }, serving(['DE', 'US']))).toEqual(refused(['DE', 'US']));
    expect(blockers({ residency: ['EU'] }, [term({})])).toEqual(refused(null));
  });

  it('property: every requirement is either admitted or blocked, never both; adding a term never adds a blocker', () => {
    const all: HostedApiTermRow[] = [
      term({ term: 'soc2' }),
      term({ term: 'baa', basis: 'enterprise', condition: 'sign it' }),
      term({ term: 'gdpr' }),
      term({ term: 'serving-regions', places: ['US'] }),
      term({}),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...DATA_SENSITIVITIES),
        fc.subarray([...COMPLIANCE_REQUIREMENTS]),
        fc.subarray(['EU', 'US']),
        fc.subarray(all),
        fc.constantFrom(...all),
        (dataSensitivity, compliance, residency, terms, extra) => {
          const p = profile({ dataSensitivity, compliance, residency });
          const b = hostedApiBlockers(p, row, terms);
          const a = hostedApiAdmissions(p, row, terms);
          const missing = b.flatMap((x): string[] =>
            x.code === 'certifications' ? [...x.missing] : [x.code],
          );
          const required =
            compliance.length +
            (['confidential', 'regulated'].includes(dataSensitivity) ? 1 : 0) +
            (residency.length > 0 ? 1 : 0);
          expect(missing.length + a.length).toBe(required);
          expect(hostedApiBlockers(p, row, [...terms, extra]).length).toBeLessThanOrEqual(b.length);
        },
      ),
    );
  });
});

const price = (provider: string, providerName: string, usd: number): HostedApiPriceRow => ({
  provider,
  providerName,
  model: 'llama-3.3-70b-instruct',
  aliases: ['Llama 3.3 70B'],
  servedModel: `${provider}/llama-3.3-70b`,
  precision: null,
  usdPerMillionInputTokens: usd,
  usdPerMillionOutputTokens: usd,
  source: `https://example.test/${provider}`,
  asOf: '2026-12-04',
  notes: '',
});
// DeepInfra is cheaper ($0.20) and keeps no data by default with a caveat; Together ($0.30) on request only.
const table = hostedApiPriceTable(
  [
    price('deepinfra', 'DeepInfra', 0.2),
    price('together', 'Together AI', 0.3),
    price('fireworks', 'Fireworks AI', 0.25),
  ],
  [
    term({ provider: 'deepinfra', condition: 'it may log small portions of requests for debugging' }),
    term({
      provider: 'together',
      basis: 'on-request',
      condition: 'set the privacy settings so prompts are not kept',
    }),
    term({ provider: 'fireworks', term: 'serving-regions', places: ['global'] }),
  ],
);
const hostedRisks = (e: RiskEvidence) =>
  riskRules
    .filter((r) => r.id.startsWith('hosted-api'))
    .map((r) => sayRisk(r, e)?.text ?? null)
    .filter((x): x is string => x !== null);
const said = (extra: Record<string, unknown>, t = table) => {
  const p = profile(extra);
  return hostedRisks(
    riskEvidence({
      profile: p,
      cloud: { offer: { gpu: 'H100', providerName: 'Lambda' }, cost: { monthlyUsd: 4270 } },
      hostedApi: compareHostedApi(p, t, 4270),
    } as Partial<RiskEvidence>),
  );
};

describe('the comparison and its sentence use the provider terms on record', () => {
  it('picks the cheapest counted provider: confidential data goes to DeepInfra; soc2 to none', () => {
    expect(compareHostedApi(profile({ dataSensitivity: 'confidential' }), table, 4270)).toMatchObject({
      status: 'compared',
      row: { provider: 'deepinfra' },
    });
    const onlyTogether = hostedApiPriceTable(
      [price('deepinfra', 'DeepInfra', 0.2), price('together', 'Together AI', 0.3)],
      [term({ provider: 'together', basis: 'on-request', condition: 'set the privacy settings' })],
    );
    expect(compareHostedApi(profile({ dataSensitivity: 'confidential' }), onlyTogether, 4270)).toMatchObject({
      status: 'compared',
      row: { provider: 'together' },
    });
    expect(compareHostedApi(profile({ compliance: ['soc2'] }), table, 4270)).toMatchObject({
      status: 'not-counted',
      row: { provider: 'deepinfra' },
      blockers: [{ code: 'certifications', providerName: 'DeepInfra', missing: ['soc2'] }],
    });
  });

  it('says which term the confidential data is counted under, with its exception and source', () => {
    const [risk] = said({ dataSensitivity: 'confidential' });
    expect(risk).toContain(
      "It is counted for this workload on DeepInfra's own statements (datasets/hosted-api-terms.csv): its confidential data under zero data retention by default, except that it may log small portions of requests for debugging (https://example.test/terms, 2026-12-04).",
    );
  });

  it('a term held only on request says so and names the step', () => {
    const onlyTogether = hostedApiPriceTable(
      [price('deepinfra', 'DeepInfra', 0.2), price('together', 'Together AI', 0.3)],
      [term({ provider: 'together', basis: 'on-request', condition: 'set the privacy settings' })],
    );
    const [risk] = said({ dataSensitivity: 'confidential' }, onlyTogether);
    expect(risk).toContain(
      'its confidential data under zero data retention only on request: set the privacy settings (https://example.test/terms, 2026-12-04)',
    );
  });

  it('residency is never met by a provider that routes globally or states no region: not counted, provider named', () => {
    const [risk] = said({ residency: ['EU'] });
    expect(risk).toContain('but it is not counted: its data must stay in EU and DeepInfra states no region');
    const fireworksOnly = hostedApiPriceTable(
      [price('fireworks', 'Fireworks AI', 0.25)],
      [term({ provider: 'fireworks', term: 'serving-regions', places: ['global'] })],
    );
    const [global] = said({ residency: ['EU'] }, fireworksOnly);
    expect(global).toContain(
      'its data must stay in EU and Fireworks AI states its serverless requests are routed globally, with no geographic constraint',
    );
    expect(said({ residency: ['EU'] }).some((s) => s.includes('compare it before renting'))).toBe(false);
  });
});
