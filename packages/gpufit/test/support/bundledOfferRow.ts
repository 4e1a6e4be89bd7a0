import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;
let rows: Map<string, Row> | null = null;

/** A row of the bundled datasets/offers.csv by id, as written (certifications `;`-separated, notes with sources). */
export function bundledOfferRow(id: string): Row | undefined {
  rows ??= new Map(
    (
      parse(readFileSync(fileURLToPath(new URL('../../../../datasets/offers.csv', import.meta.url))), {
        columns: true,
        bom: true,
      }) as Row[]
    ).map((r) => [r.id ?? '', r]),
  );
  return rows.get(id);
}

/**
 * How an offer outside the hyperscalers meets a workload's `gdpr` requirement: by the catalog's record (the
 * provider's own statement, cited in the row's notes) or in place inside the EEA, with the agreement to sign named
 * among the estimate's assumptions.
 */
export function gdprMetBy(
  offerId: string,
  assumptions: readonly string[],
): 'record' | 'in place' | 'neither' {
  const row = bundledOfferRow(offerId);
  const recorded = (row?.certifications ?? '').split(';').includes('gdpr');
  if (recorded && /certifications: [^;]*gdpr[^;]* from https:\/\//.test(row?.notes ?? '')) return 'record';
  if (!recorded && assumptions.some((a) => a.includes('sign its data processing agreement (Art. 28)')))
    return 'in place';
  return 'neither';
}
