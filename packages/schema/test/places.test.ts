import { describe, expect, it } from 'vitest';
import {
  BLOC_COUNTRIES,
  CONTINENT_COUNTRIES,
  CONTINENTS,
  continentNamed,
  continentOf,
  placeIncludesCountry,
  THROUGHPUT_CLASSES,
  usersPlaceCode,
  workloadKinds,
} from '../src/index.js';

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

describe('continents', () => {
  it.each([
    ['Europe', 'europe'],
    ['north america', 'north-america'],
    ['North_America', 'north-america'],
    ['SOUTH-AMERICA', 'south-america'],
    ['asia', 'asia'],
    ['europa', null],
    ['EU', null],
    ['americas', null],
  ])('%s names the continent %s', (text, continent) => {
    expect(continentNamed(text)).toBe(continent);
  });

  it.each([
    ['DE', 'europe'],
    ['RU', 'europe'],
    ['TR', 'asia'], // UN M49 Western Asia
    ['CY', 'asia'],
    ['JP', 'asia'],
    ['US', 'north-america'],
    ['MX', 'north-america'],
    ['PR', 'north-america'],
    ['BR', 'south-america'],
    ['NA', 'africa'], // the country Namibia
    ['AU', 'oceania'],
    ['AQ', 'antarctica'],
    ['ZZ', null],
  ])('%s is in %s', (country, continent) => {
    expect(continentOf(country)).toBe(continent);
  });

  it('puts every country in at most one continent, and every bloc member in one', () => {
    const seen = new Map<string, string>();
    for (const [continent, members] of Object.entries(CONTINENT_COUNTRIES)) {
      for (const c of members) {
        expect(seen.get(c), `${c} in ${seen.get(c)} and ${continent}`).toBeUndefined();
        seen.set(c, continent);
      }
    }
    for (const members of Object.values(BLOC_COUNTRIES))
      for (const c of members) expect(seen.has(c), c).toBe(true);
    expect(Object.keys(CONTINENT_COUNTRIES).sort()).toEqual([...CONTINENTS].sort());
  });

  it('placeIncludesCountry reads continents and global too', () => {
    expect(placeIncludesCountry('europe', 'DE')).toBe(true);
    expect(placeIncludesCountry('europe', 'US')).toBe(false);
    expect(placeIncludesCountry('global', 'US')).toBe(true);
  });
});

describe('usersPlaceCode: the places a users region may name', () => {
  it.each([
    ['de', 'DE'],
    [' EU ', 'EU'],
    ['latam', 'LATAM'],
    ['global', 'global'],
    ['GLOBAL', 'global'],
    ['Europe', 'europe'],
    ['north america', 'north-america'],
    ['world', null],
    ['XYZ', null],
    ['', null],
  ])('%j → %j', (text, code) => {
    expect(usersPlaceCode(text)).toBe(code);
  });
});
