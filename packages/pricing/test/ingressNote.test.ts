import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingress } from '../src/estimate/notes.js';

/**
 * A generative-video founder's review (2026-12-05): a monthly fine-tune reading a 100 TiB clip corpus said "the
 * upload takes 244 h at 1000 Mbit/s" — ten days, said only in hours — and nowhere that gpufit prices no storage,
 * which for 100 TiB held at a GPU cloud is a monthly bill of its own. The note now says days from a day up, and
 * says storage is not priced for every dataset.
 */
describe('ingress: the dataset upload note', () => {
  it('102,400 GiB at 1000 Mbit/s: 244 h, 10.2 days, and storage named as not priced', () => {
    // 102,400 × 2^30 × 8 bit ÷ 1e9 bit/s ÷ 3600 = 244.3 h = 10.18 days
    const hours = (102_400 * 2 ** 30 * 8) / 1e9 / 3600;
    expect(ingress(102_400, 12, hours, 1000)).toBe(
      'the 102000 GiB dataset is uploaded once and its ingress amortized over the 12-month horizon; the upload takes 244 h (10.2 days) at 1000 Mbit/s (egress from where the data lives today is not included, nor is storing the dataset at the provider: gpufit prices no storage)',
    );
  });

  it('an upload under a day stays in hours', () => {
    expect(ingress(60, 12, 0.143, 1000)).toBe(
      'the 60 GiB dataset is uploaded once and its ingress amortized over the 12-month horizon; the upload takes 0.143 h at 1000 Mbit/s (egress from where the data lives today is not included, nor is storing the dataset at the provider: gpufit prices no storage)',
    );
  });

  it('property: days are said exactly from 24 h up, and storage is always named as not priced', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e5, noNaN: true }), (hours) => {
        const text = ingress(1000, 12, hours, 1000);
        expect(text.includes(' days)')).toBe(hours >= 24);
        expect(text).toContain('gpufit prices no storage');
      }),
    );
  });
});
