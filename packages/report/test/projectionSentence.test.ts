import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depinVersusCloud, movesSentence, offerMoves } from '../src/document/workloadSection.js';

const month = (i: number, cloudCents: number, depinCents: number | null) => ({
  month: `2027-${String(i + 1).padStart(2, '0')}`,
  cloudCents,
  depinCents,
});

describe('the projection sentence says only what every month bears out', () => {
  it('cheaper in every month, dearer in every month, and a mix with the first month it turns', () => {
    expect(depinVersusCloud([month(0, 100, 80), month(1, 100, 99)])).toMatch(/stays cheaper .* every month/);
    expect(depinVersusCloud([month(0, 100, 100), month(1, 100, null)])).toMatch(
      /at least as much .* every month/,
    );
    expect(depinVersusCloud([month(0, 100, 80), month(1, 100, 120), month(2, 100, 90)])).toBe(
      'The decentralized option is cheaper than cloud in 2 of 3 months; the first month it is not is 2027-02.',
    );
  });

  it('over any months: "stays cheaper" exactly when every month is cheaper, "at least as much" when none is', () => {
    const months = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.option(fc.integer({ min: 1, max: 10_000 }))),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(months, (ms) => {
        const rows = ms.map(([c, d], i) => month(i, c, d));
        const cheaper = rows.filter((m) => m.depinCents !== null && m.depinCents < m.cloudCents).length;
        const sentence = depinVersusCloud(rows);
        expect(sentence.includes('stays cheaper')).toBe(cheaper === rows.length);
        expect(sentence.includes('at least as much')).toBe(cheaper === 0);
        if (cheaper > 0 && cheaper < rows.length)
          expect(sentence).toContain(`in ${cheaper} of ${rows.length} months`);
      }),
    );
  });
});

describe('the projection table says where a later month is priced on another offer', () => {
  const m = (i: number, cloudOfferId: string | null, depinOfferId: string | null) => ({
    month: `2027-${String(i + 1).padStart(2, '0')}`,
    demandFactor: 1.05 ** i,
    cloudCents: 100,
    depinCents: depinOfferId === null ? null : 90,
    subsidyShare: 0,
    tokenPrice: null,
    cloudOfferId,
    depinOfferId,
  });
  it('names the provider in the month the offer changes, and the offers in a sentence', () => {
    const months = [
      m(0, 'aws:g6.xlarge:us-east-1:committed-12mo', 'vast:4090'),
      m(1, 'aws:g6.xlarge:us-east-1:committed-12mo', 'vast:4090'),
      m(2, 'aws:g6e.xlarge:us-east-1:committed-12mo', 'vast:4090'),
      m(3, 'aws:g6e.xlarge:us-east-1:committed-12mo', 'salad:4090'),
    ];
    expect(offerMoves(months)).toEqual([null, null, 'cloud → aws', 'DePIN → salad']);
    expect(movesSentence(months)).toBe(
      "Under the scenario's demand growth a later month is priced on another offer of the same side: from 2027-03 the cloud option is priced on aws:g6e.xlarge:us-east-1:committed-12mo (was aws:g6.xlarge:us-east-1:committed-12mo); from 2027-04 the decentralized option is priced on salad:4090 (was vast:4090).",
    );
  });
  it('property: a move is named exactly in the months whose offer differs from the month before', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a:1', 'b:2', 'c:3'), { minLength: 1, maxLength: 24 }), (ids) => {
        const months = ids.map((id, i) => m(i, id, null));
        const moves = offerMoves(months);
        ids.forEach((id, i) => {
          expect(moves[i] !== null).toBe(i > 0 && id !== ids[i - 1]);
        });
      }),
    );
  });
  it('months from a file without offer ids name no move', () => {
    expect(offerMoves([m(0, null, null), m(1, null, null)])).toEqual([null, null]);
  });
});
