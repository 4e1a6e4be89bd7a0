import { BLOC_COUNTRIES, BLOCS } from '@gpufit/schema';
/**
 * Region → country (ISO 3166-1 alpha-2) → blocs and continent.
 *
 * Hyperscaler and GPU-cloud region codes map to the country of the provider's published data-centre
 * location (public region lists; not figures from the reference). Free-text regions (Vast "place, country,
 * continent", Shadeform "city-country-N", Fluidstack "STATE_USA") are parsed. Where neither the code nor the
 * source names a country the country stays empty, so residency rules treat the offer as "unknown location".
 */

export interface RegionInfo {
  readonly country: string; // '' = not stated
  readonly continentHint?: string; // when the country is unknown but the continent is (e.g. "north-america")
  readonly notes: string;
}

const AWS: Record<string, string> = {
  'af-south-1': 'ZA',
  'ap-northeast-3': 'JP',
  'us-east-1': 'US',
  'us-east-2': 'US',
  'us-west-1': 'US',
  'us-west-2': 'US',
  'ca-central-1': 'CA',
  'eu-central-1': 'DE',
  'eu-north-1': 'SE',
  'eu-south-1': 'IT',
  'eu-south-2': 'ES',
  'eu-west-1': 'IE',
  'eu-west-2': 'GB',
  'eu-west-3': 'FR',
  'me-central-1': 'AE',
  'me-south-1': 'BH',
  'ap-east-1': 'HK',
  'ap-northeast-1': 'JP',
  'ap-northeast-2': 'KR',
  'ap-south-1': 'IN',
  'ap-southeast-1': 'SG',
  'ap-southeast-2': 'AU',
  'ap-southeast-3': 'ID',
};

const GCP: Record<string, string> = {
  'asia-east1': 'TW',
  'asia-east2': 'HK',
  'asia-northeast1': 'JP',
  'asia-northeast3': 'KR',
  'asia-south1': 'IN',
  'asia-south2': 'IN',
  'asia-southeast1': 'SG',
  'asia-southeast2': 'ID',
  'australia-southeast1': 'AU',
  'europe-central2': 'PL',
  'europe-north1': 'FI',
  'europe-west1': 'BE',
  'europe-west2': 'GB',
  'europe-west3': 'DE',
  'europe-west4': 'NL',
  'europe-west6': 'CH',
  'europe-west9': 'FR',
  'me-central2': 'SA',
  'me-west1': 'IL',
  'northamerica-northeast1': 'CA',
  'northamerica-northeast2': 'CA',
  'southamerica-east1': 'BR',
  'us-central1': 'US',
  'us-east1': 'US',
  'us-east4': 'US',
  'us-east5': 'US',
  'us-south1': 'US',
  'us-west1': 'US',
  'us-west2': 'US',
  'us-west3': 'US',
  'us-west4': 'US',
};

/** Azure region names → country of Microsoft's published data-centre location. */
const AZURE: Record<string, string> = {
  australiacentral: 'AU',
  australiacentral2: 'AU',
  australiaeast: 'AU',
  australiasoutheast: 'AU',
  brazilsouth: 'BR',
  canadacentral: 'CA',
  canadaeast: 'CA',
  centralindia: 'IN',
  centralus: 'US',
  chilecentral: 'CL',
  eastasia: 'HK',
  eastus: 'US',
  eastus2: 'US',
  francecentral: 'FR',
  germanynorth: 'DE',
  germanywestcentral: 'DE',
  indonesiacentral: 'ID',
  israelcentral: 'IL',
  italynorth: 'IT',
  japaneast: 'JP',
  japanwest: 'JP',
  jioindiacentral: 'IN',
  jioindiawest: 'IN',
  koreacentral: 'KR',
  koreasouth: 'KR',
  malaysiawest: 'MY',
  mexicocentral: 'MX',
  northcentralus: 'US',
  northeurope: 'IE',
  norwayeast: 'NO',
  norwaywest: 'NO',
  polandcentral: 'PL',
  qatarcentral: 'QA',
  southafricanorth: 'ZA',
  southafricawest: 'ZA',
  southcentralus: 'US',
  southeastasia: 'SG',
  southindia: 'IN',
  spaincentral: 'ES',
  swedencentral: 'SE',
  switzerlandnorth: 'CH',
  switzerlandwest: 'CH',
  uaecentral: 'AE',
  uaenorth: 'AE',
  uksouth: 'GB',
  ukwest: 'GB',
  westcentralus: 'US',
  westeurope: 'NL',
  westus: 'US',
  westus2: 'US',
  westus3: 'US',
};

/**
 * Lambda regions outside the US whose location Lambda's region list states (docs.lambda.ai/public-cloud/regions/,
 * as quoted on 2026-05-25 in a public research note the code index holds: "asia-northeast-1 (Tokyo),
 * asia-northeast-2 (Osaka), asia-south-1 (India), europe-central-1 (Germany), me-west-1 (Israel)"; public Lambda
 * launch scripts in the same index also label europe-central-1 "Germany"), and australia-east-1, whose code names
 * its country. gpufit did not fetch the page itself. europe-south-1 is not in that list: its country stays unknown.
 */
const LISTED =
  "per Lambda's region list (docs.lambda.ai/public-cloud/regions/, as quoted 2026-05-25; not fetched by gpufit)";
const LAMBDA_COUNTRY: Record<string, { country: string; why: string }> = {
  'asia-northeast-1': { country: 'JP', why: `Tokyo ${LISTED}` },
  'asia-northeast-2': { country: 'JP', why: `Osaka ${LISTED}` },
  'asia-south-1': { country: 'IN', why: `India ${LISTED}` },
  'europe-central-1': { country: 'DE', why: `Germany ${LISTED}` },
  'me-west-1': { country: 'IL', why: `Israel ${LISTED}` },
  'australia-east-1': { country: 'AU', why: 'the code names Australia (not in the quoted region list)' },
};

/** Lambda regions with no stated country: the continent their code names (the rest are in `LAMBDA_COUNTRY`). */
const LAMBDA_CONTINENT: Record<string, string> = {
  'europe-south-1': 'Europe',
};

const NEBIUS: Record<string, string> = { 'eu-north1': 'FI', 'eu-west1': 'FR', 'us-central1': 'US' };

const COUNTRY_WORDS: Record<string, string> = {
  usa: 'US',
  canada: 'CA',
  france: 'FR',
  poland: 'PL',
  japan: 'JP',
  india: 'IN',
  finland: 'FI',
};

/** Country → continent. Its blocs are the schema's (`BLOC_COUNTRIES` of @gpufit/schema), in `BLOCS` order. */
const CONTINENTS: Record<string, string> = {
  US: 'North America',
  CA: 'North America',
  MX: 'North America',
  BR: 'South America',
  CL: 'South America',
  ZA: 'Africa',
  AT: 'Europe',
  BE: 'Europe',
  BG: 'Europe',
  HR: 'Europe',
  CZ: 'Europe',
  DK: 'Europe',
  DE: 'Europe',
  ES: 'Europe',
  FI: 'Europe',
  FR: 'Europe',
  HU: 'Europe',
  IE: 'Europe',
  IT: 'Europe',
  NL: 'Europe',
  PL: 'Europe',
  RO: 'Europe',
  SE: 'Europe',
  SI: 'Europe',
  NO: 'Europe',
  IS: 'Europe',
  GB: 'Europe',
  CH: 'Europe',
  JP: 'Asia',
  KR: 'Asia',
  IN: 'Asia',
  SG: 'Asia',
  TW: 'Asia',
  HK: 'Asia',
  ID: 'Asia',
  TH: 'Asia',
  VN: 'Asia',
  CN: 'Asia',
  AU: 'Oceania',
  AE: 'Asia',
  BH: 'Asia',
  SA: 'Asia',
  IL: 'Asia',
  MY: 'Asia',
  QA: 'Asia',
};

export function countryInfo(country: string): { continent: string; blocs: string[] } {
  const continent = CONTINENTS[country];
  if (continent === undefined) throw new Error(`regions: no continent entry for country ${country}`);
  return { continent, blocs: BLOCS.filter((b) => BLOC_COUNTRIES[b].has(country)) };
}

const CONTINENT_BLOCS: Record<string, string[]> = { 'North America': ['NA'] };
export function continentBlocs(continent: string): string[] {
  return CONTINENT_BLOCS[continent] ?? [];
}

/**
 * Resolves a provider region (already normalized by the caller) to a country.
 * `raw` is the region string as written in the source, used for free-text formats.
 */
export function resolveRegion(provider: string, region: string, raw: string): RegionInfo {
  const known = (table: Record<string, string>, label: string): RegionInfo => {
    const c = table[region];
    if (c === undefined) throw new Error(`regions: unknown ${label} region ${region}`);
    return { country: c, notes: `${label} region code; country of the provider's published location` };
  };
  switch (provider) {
    case 'aws':
      return known(AWS, 'AWS');
    case 'gcp':
      return known(GCP, 'GCP');
    case 'azure':
      return known(AZURE, 'Azure');
    case 'nebius':
      return known(NEBIUS, 'Nebius');
    default:
      break;
  }
  if (provider === 'lambda' && region.startsWith('us-')) {
    return { country: 'US', notes: 'Lambda region code with a us- prefix' };
  }
  const lambda = provider === 'lambda' ? LAMBDA_COUNTRY[region] : undefined;
  if (lambda !== undefined) {
    return {
      country: lambda.country,
      notes: `Lambda region code; ${lambda.why}`,
    };
  }
  if (provider === 'lambda' && LAMBDA_CONTINENT[region] !== undefined) {
    return {
      country: '',
      continentHint: LAMBDA_CONTINENT[region],
      notes: 'Lambda region code; country not stated in the reference (continent from the code only)',
    };
  }
  // Vast: "place, country, continent" written as "Texas US NA" / "CN AS"
  if (provider === 'vast' && region !== 'any') {
    const parts = raw.trim().split(/\s+/);
    const cc = parts[parts.length - 2];
    if (cc === undefined || !/^[A-Z]{2}$/.test(cc))
      throw new Error(`regions: cannot parse Vast region ${raw}`);
    return { country: cc, notes: `Vast host location "${raw}" (place, country, continent)` };
  }
  // Shadeform "culpeper-usa-1", "paris-france-5"
  const sf = /^[a-z]+-([a-z]+)-\d+$/.exec(region);
  if (sf?.[1] !== undefined && COUNTRY_WORDS[sf[1]] !== undefined) {
    return { country: COUNTRY_WORDS[sf[1]] ?? '', notes: `Shadeform location "${raw}" (city-country-n)` };
  }
  // Fluidstack "UTAH_USA", "CANADA", "FINLAND"
  if (provider === 'fluidstack') {
    const word = raw.toLowerCase().split('_').pop() ?? '';
    const c = COUNTRY_WORDS[word];
    if (c === undefined) throw new Error(`regions: cannot parse Fluidstack region ${raw}`);
    return { country: c, notes: `Fluidstack location "${raw}"` };
  }
  // RunPod catalog regions are ISO country codes (data-centre ids dropped by the catalog extract)
  if (provider === 'runpod' && /^[A-Z]{2}$/.test(raw)) {
    return { country: raw, notes: 'RunPod catalog region = ISO country code of the data centre' };
  }
  if (provider === 'paperspace' && raw === 'East Coast (NY2)')
    return { country: 'US', notes: 'Paperspace "East Coast (NY2)" (New York)' };
  if (provider === 'digitalocean' && raw === 'nyc2')
    return { country: 'US', notes: 'DigitalOcean nyc2 (New York)' };
  if (region === 'north-america')
    return {
      country: '',
      continentHint: 'North America',
      notes: 'source says "NA" (North America) without a country',
    };
  if (region === 'unstated') return { country: '', notes: 'region "not stated" in the source' };
  if (region === 'any')
    return {
      country: '',
      notes: `provider-dependent location ("${raw}"): any host of the network or marketplace`,
    };
  if (region === 'global')
    return { country: '', notes: `"${raw}": one price for all locations; location not fixed` };
  if (region === 'all-regions')
    return { country: '', notes: `"${raw}": one list price for every Lambda region` };
  throw new Error(`regions: no rule for ${provider} region "${raw}"`);
}

/** Normalizes a source region string to the `region` cell: provider codes unchanged, free text slugged. */
export function normalizeRegion(raw: string): string {
  const special: Record<string, string> = {
    'all Lambda regions (single price)': 'all-regions',
    'global (distributed)': 'global',
    global: 'global',
    'marketplace (provider-dependent)': 'any',
    'marketplace (host-dependent)': 'any',
    'global (host-dependent)': 'any',
    'multi-provider (not stated)': 'any',
    default: 'any',
    'not stated': 'unstated',
    'north-america': 'north-america',
  };
  const s = special[raw];
  if (s !== undefined) return s;
  if (/^[a-z0-9-]+$/.test(raw)) return raw;
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
