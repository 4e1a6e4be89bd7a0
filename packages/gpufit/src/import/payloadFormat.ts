/**
 * The file formats gpufit meets, told apart by their first bytes, so a file given in the wrong place gets a
 * message that names what it looks like and the command that reads it.
 */
export const PAYLOAD_FORMATS = {
  'offers-csv': { name: 'a gpufit offer catalog (offers.csv)', use: 'pass it as --catalog' },
  'skypilot-vms': {
    name: 'a SkyPilot catalog vms.csv',
    use: 'convert it with `gpufit import skypilot FILE --cloud NAME --out offers.csv`',
  },
  'vast-offers': {
    name: 'a Vast.ai offer search (JSON)',
    use: 'convert it with `gpufit import vast FILE --out offers.csv`',
  },
  'akash-gpu-prices': {
    name: 'an Akash Console API /v1/gpu-prices response (JSON)',
    use: 'convert it with `gpufit import akash FILE --out offers.csv`',
  },
  'workloads-csv': {
    name: 'a workloads CSV',
    use: 'pass it as the workloads argument (`gpufit analyze FILE`)',
  },
  'workloads-json': {
    name: 'a workloads JSON file',
    use: 'pass it as the workloads argument (`gpufit analyze FILE`)',
  },
  json: { name: 'a JSON file', use: 'an offer catalog is CSV with the columns of datasets/offers.csv' },
} as const;
export type PayloadFormat = keyof typeof PAYLOAD_FORMATS;

/** The format of a parsed JSON value, or null when it is none gpufit knows. */
export function jsonFormat(data: unknown): PayloadFormat | null {
  const first = (list: unknown) => (Array.isArray(list) ? list[0] : undefined);
  const has = (o: unknown, ...keys: string[]) =>
    o !== null && typeof o === 'object' && keys.every((k) => k in (o as object));
  if (Array.isArray(data)) {
    if (has(first(data), 'gpu_name') || has(first(data), 'dph_total')) return 'vast-offers';
    if (has(first(data), 'kind')) return 'workloads-json';
    return null;
  }
  if (has(data, 'offers')) return 'vast-offers';
  if (
    has(data, 'models') &&
    (has(first((data as { models: unknown }).models), 'vendor') || has(data, 'availability'))
  )
    return 'akash-gpu-prices';
  if (has(data, 'workloads')) return 'workloads-json';
  return null;
}

/** The format of a CSV header row, or null. */
export function csvHeaderFormat(cells: readonly string[]): PayloadFormat | null {
  const header = new Set(cells.map((c) => c.trim()));
  if (header.has('InstanceType') && header.has('AcceleratorName')) return 'skypilot-vms';
  if (header.has('usdPerGpuHour') && header.has('provider')) return 'offers-csv';
  if (header.has('id') && header.has('kind')) return 'workloads-csv';
  return null;
}

/**
 * The format the first bytes of a file (up to the end of its first line for CSV; a prefix for JSON, which may
 * be cut anywhere) suggest, or null.
 */
export function sniffFormat(head: string): PayloadFormat | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"(dph_total|gpu_name|min_bid|reliability2)"/.test(text)) return 'vast-offers';
    if (
      /"(weightedAverage|providerAvailability)"/.test(text) ||
      (/"models"\s*:/.test(text) && /"vendor"/.test(text))
    )
      return 'akash-gpu-prices';
    if (/"(workloads|gpuHoursPerMonth|kind)"/.test(text)) return 'workloads-json';
    return 'json';
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return csvHeaderFormat(firstLine.split(','));
}

/** A sentence to append to an error about a payload of the wrong kind: `; it looks like …: …`, or ''. */
export function payloadShapeHint(data: unknown, expected: PayloadFormat): string {
  const found = jsonFormat(data);
  if (found === null || found === expected) return '';
  const f = PAYLOAD_FORMATS[found];
  return `; it looks like ${f.name}: ${f.use}`;
}
