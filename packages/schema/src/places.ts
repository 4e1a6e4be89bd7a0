import type { Bloc } from './vocabulary.js';

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

/** Whether a place (an ISO-3166 country or a bloc, upper-case) includes `country` (ISO-3166, upper-case). */
export function placeIncludesCountry(place: string, country: string): boolean {
  const members = (BLOC_COUNTRIES as Readonly<Record<string, ReadonlySet<string>>>)[place];
  return members === undefined ? place === country : members.has(country);
}
