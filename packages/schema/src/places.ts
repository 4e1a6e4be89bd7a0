import { BLOCS, type Bloc, CONTINENTS, type Continent, GLOBAL_PLACE } from './vocabulary.js';

/**
 * The ISO-3166 alpha-2 countries each bloc a residency rule may name covers.
 * - EU: the 27 member states (European Union, "EU countries", european-union.europa.eu).
 * - EEA: the EU plus Iceland, Liechtenstein and Norway (EEA Agreement).
 * - NA: UN M49 "Northern America" (US, CA, BM, GL, PM) plus Mexico, as the datasets' region table does.
 * - LATAM: UN M49 "Latin America and the Caribbean".
 * - APAC: UN M49 Eastern, South-eastern, Southern and Central Asia, and Oceania.
 * - MEA: UN M49 Western Asia and Africa.
 * Namibia's ISO code `NA` collides with the bloc `NA`; a residency rule `NA` means the bloc.
 */
export const BLOC_COUNTRIES: { readonly [B in Bloc]: ReadonlySet<string> } = {
  EU: new Set(eu()),
  EEA: new Set([...eu(), 'IS', 'LI', 'NO']),
  NA: new Set(['US', 'CA', 'BM', 'GL', 'PM', 'MX']),
  LATAM: new Set(
    'AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI'.split(
      ' ',
    ),
  ),
  APAC: new Set(
    [
      'CN HK MO JP KP KR MN TW',
      'BN KH ID LA MY MM PH SG TH TL VN',
      'AF BD BT IN IR MV NP PK LK',
      'KZ KG TJ TM UZ',
      'AU NZ FJ PG SB VU NC PF WS TO KI FM MH NR PW TV CK NU GU MP AS',
    ]
      .join(' ')
      .split(' '),
  ),
  MEA: new Set(
    [
      'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
      'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA',
      'MZ NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH RE YT SH',
    ]
      .join(' ')
      .split(' '),
  ),
};

function eu(): string[] {
  return 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
}

/**
 * The ISO-3166 alpha-2 countries of each continent, by UN M49 region (unsd.un.org/unsd/methodology/m49):
 * Africa (002), Asia (142), Europe (150), Oceania (009), Antarctica (010); the Americas (019) split into
 * north-america = M49 Northern America + Central America + Caribbean, south-america = M49 South America.
 * M49 puts Cyprus, Türkiye and the Caucasus in Western Asia and Russia in Eastern Europe; Taiwan (not listed
 * by M49) is in Asia; Kosovo (`XK`, user-assigned) in Europe.
 */
export const CONTINENT_COUNTRIES: { readonly [C in Continent]: ReadonlySet<string> } = {
  africa: codes(
    'DZ EG LY MA SD TN EH',
    'IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW',
    'AO CM CF TD CG CD GQ GA ST',
    'BW SZ LS NA ZA',
    'BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  ),
  antarctica: codes('AQ'),
  asia: codes(
    'KZ KG TJ TM UZ',
    'CN HK MO KP JP MN KR TW',
    'BN KH ID LA MY MM PH SG TH TL VN',
    'AF BD BT IN IR MV NP PK LK',
    'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
  ),
  europe: codes(
    'BY BG CZ HU PL MD RO RU SK UA',
    'AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB',
    'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK',
    'AT BE FR DE LI LU MC NL CH',
  ),
  'north-america': codes(
    'BM CA GL PM US',
    'BZ CR SV GT HN MX NI PA',
    'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI',
  ),
  oceania: codes(
    'AU CX CC HM NZ NF',
    'FJ NC PG SB VU',
    'GU KI MH FM NR MP PW UM',
    'AS CK PF NU PN WS TK TO TV WF',
  ),
  'south-america': codes('AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE'),
};

function codes(...groups: string[]): ReadonlySet<string> {
  return new Set(groups.join(' ').split(' '));
}

const CONTINENT_BY_KEY: ReadonlyMap<string, Continent> = new Map(
  CONTINENTS.map((c) => [c.replace(/-/g, ''), c] as const),
);

/**
 * The continent a word names, as people write it: `Europe`, `north america`, `North_America`, `NORTH-AMERICA`
 * (case, spaces, `-` and `_` ignored); null for anything else.
 */
export function continentNamed(text: string): Continent | null {
  return CONTINENT_BY_KEY.get(text.toLowerCase().replace(/[\s_-]+/g, '')) ?? null;
}

/** The continent of an ISO-3166 country (upper-case), or null when the code is not in the table. */
export function continentOf(country: string): Continent | null {
  for (const c of CONTINENTS) if (CONTINENT_COUNTRIES[c].has(country)) return c;
  return null;
}

/** Codes written for a country whose ISO-3166 code differs (the EU's own abbreviations for two members). */
const NOT_ISO: Readonly<Record<string, string>> = { UK: 'GB (the United Kingdom)', EL: 'GR (Greece)' };

/** The end of a message about a place code that is no ISO-3166 country: the code meant, when it is known. */
export function countryHint(input: unknown): string {
  const meant = typeof input === 'string' ? NOT_ISO[input.trim().toUpperCase()] : undefined;
  return meant === undefined ? '' : `; did you mean ${meant}?`;
}

const BLOC_SET: ReadonlySet<string> = new Set(BLOCS);

/**
 * A users' region as the schema stores it, or null when the text is none: an ISO-3166 country that exists (`XX` is none) or a bloc
 * (upper-cased: `de` → `DE`), a continent (its canonical name: `North America` → `north-america`) or
 * `global` (any case). Shared by the schema and the fast CSV path so the two agree.
 */
export function usersPlaceCode(text: string): string | null {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (continentOf(upper) !== null || BLOC_SET.has(upper)) return upper;
  if (t.toLowerCase() === GLOBAL_PLACE) return GLOBAL_PLACE;
  return continentNamed(t);
}

/**
 * Whether a place includes `country` (ISO-3166, upper-case). A place is an ISO-3166 country or a bloc
 * (upper-case), a continent (canonical name) or `global`.
 */
export function placeIncludesCountry(place: string, country: string): boolean {
  if (place === GLOBAL_PLACE) return true;
  const members =
    (BLOC_COUNTRIES as Readonly<Record<string, ReadonlySet<string>>>)[place] ??
    (CONTINENT_COUNTRIES as Readonly<Record<string, ReadonlySet<string>>>)[place];
  return members === undefined ? place === country : members.has(country);
}
