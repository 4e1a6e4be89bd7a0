import { OFFER_FIELDS, type Offer, offerFromCsv, offerInputSchema } from '@gpufit/schema';
import type { CsvTableSpec } from './csvTable.js';
import { type GpuNameIndex, unknownGpuReason } from './gpuNameIndex.js';
import { INPUT_LIMITS } from './inputLimits.js';
import type { RegionIndex } from './regionIndex.js';

/** Offer columns the schema requires (read from the schema: a field that does not accept `undefined`). */
export const REQUIRED_OFFER_COLUMNS: readonly string[] = OFFER_FIELDS.filter(
  (f) => !offerInputSchema.shape[f].safeParse(undefined).success,
);

/**
 * Offer catalog CSV (`datasets/offers.csv` layout, columns `OFFER_FIELDS`). After the schema, the GPU name
 * becomes its tier id (an unknown name rejects the row) and an empty `country` is filled from
 * (provider, region) in regions.csv when that region is known.
 */
export function offerTable(gpus: GpuNameIndex, regions: RegionIndex): CsvTableSpec<Offer> {
  return {
    header: { what: 'offers', known: OFFER_FIELDS, required: REQUIRED_OFFER_COLUMNS },
    limit: INPUT_LIMITS.offersCsv,
    decoder(header) {
      return (cells) => {
        const validated = offerFromCsv(header, cells);
        if (!validated.ok) return { ok: false, code: 'invalid', issues: validated.issues };
        const offer = validated.value;
        const match = gpus.resolve(offer.gpu);
        if (!match.ok) {
          return {
            ok: false,
            code: 'unknown-gpu',
            issues: [
              {
                code: 'unknown_gpu',
                path: ['gpu'],
                message: unknownGpuReason('gpu', offer.gpu, match.nearest),
              },
            ],
          };
        }
        offer.gpu = match.gpu;
        if (offer.country === null) offer.country = regions.countryOf(offer.provider, offer.region);
        return { ok: true, value: offer };
      };
    },
    idOf: (o) => o.id,
  };
}
