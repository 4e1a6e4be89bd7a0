import { describe, expect, it } from 'vitest';
import { BLOC_COUNTRIES, placeIncludesCountry, THROUGHPUT_CLASSES, workloadKinds } from '../src/index.js';

describe('placeIncludesCountry', () => {
  it.each([
    ['DE', 'DE', true],
    ['DE', 'FR', false],
    ['EU', 'DE', true],
    ['EU', 'NO', false],
    ['EEA', 'NO', true],
    ['EU', 'GB', false],
    ['EU', 'CH', false],
    ['NA', 'US', true],
    ['NA', 'MX', true],
    ['LATAM', 'BR', true],
    ['APAC', 'JP', true],
    ['APAC', 'AU', true],
    ['MEA', 'AE', true],
    ['MEA', 'ZA', true],
    ['NA', 'NA', false], // `NA` in a rule is the bloc North America, not Namibia
  ])('%s includes %s: %s', (place, country, expected) => {
    expect(placeIncludesCountry(place, country)).toBe(expected);
  });

  it('has the 27 EU member states and the EEA is the EU plus three', () => {
    expect(BLOC_COUNTRIES.EU.size).toBe(27);
    expect(BLOC_COUNTRIES.EEA.size).toBe(30);
  });
});

describe('throughputClass', () => {
  it('every workload kind names a throughput class', () => {
    for (const spec of Object.values(workloadKinds)) {
      expect(THROUGHPUT_CLASSES).toContain(spec.throughputClass);
    }
  });
});
