import { addDays, asOfDay } from '@gpufit/analysis';
import { OFFER_FIELDS, type Offer, offerFromCsv, offerInputSchema } from '@gpufit/schema';
import type { CsvTableSpec } from './csvTable.js';
import { fastOfferDecoder } from './fastOffer.js';
import { type GpuNameIndex, unknownGpuReason } from './gpuNameIndex.js';
import { INPUT_LIMITS } from './inputLimits.js';
import { rawOfferCheck } from './rawOfferCheck.js';
import type { RegionIndex } from './regionIndex.js';

/** Offer columns the schema requires (read from the schema: a field that does not accept `undefined`). */
export const REQUIRED_OFFER_COLUMNS: readonly string[] = OFFER_FIELDS.filter(
  (f) => !offerInputSchema.shape[f].safeParse(undefined).success,
);

/**
 * The date no offer's `asOf` may be after (one day of tolerance for time zones): an offer dated later was not
 * read yet, so its year is most likely a typo, and its age would count as negative (never stale).
 */
export interface AsOfCeiling {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  /** What the day is, for the message: `the analysis date`, `today`. */
  readonly what: string;
}

/** Days an offer's as-of may be after the ceiling's day: a price read today east of UTC is dated tomorrow. */
export const AS_OF_TOLERANCE_DAYS = 1;

/**
 * Offer catalog CSV (`datasets/offers.csv` layout, columns `OFFER_FIELDS`). After the schema, the GPU name
 * becomes its tier id (an unknown name rejects the row) and an empty `country` is filled from
 * (provider, region) in regions.csv when that region is known. With a `ceiling`, an offer dated after it
 * (plus `AS_OF_TOLERANCE_DAYS`) is rejected (`future-as-of`). Rows go through the fast decoder (`fastOffer.ts`)
 * first; a row it cannot prove valid goes through `offerFromCsv`, which writes the messages. With `kept` (a GPU
 * tier), rows of other GPUs that `rawOfferCheck` proves valid from their bytes are counted, never built: for a
 * load that keeps only that tier's offers (`loadOffersOfGpu`); `onCounted` is told each one's provider and
 * whether it has a USD price.
 */
export function offerTable(
  gpus: GpuNameIndex,
  regions: RegionIndex,
  ceiling?: AsOfCeiling,
  kept?: string,
  onCounted?: (provider: string, priced: boolean) => void,
): CsvTableSpec<Offer> {
  const latest = ceiling === undefined ? null : addDays(ceiling.day, AS_OF_TOLERANCE_DAYS);
  /** A valid offer whose GPU is its tier: the country from regions.csv where the row left it blank. */
  const finish = (offer: Offer): Offer => {
    if (offer.country === null) offer.country = regions.countryOf(offer.provider, offer.region);
    return offer;
  };
  return {
    ...(kept === undefined
      ? {}
      : { rawCheck: (header) => rawOfferCheck(header, gpus, latest, kept, finish, onCounted) }),
    header: { what: 'offers', known: OFFER_FIELDS, required: REQUIRED_OFFER_COLUMNS },
    limit: INPUT_LIMITS.offersCsv,
    decoder(header) {
      const fast = fastOfferDecoder(header);
      /** Names already resolved (a catalog repeats a few dozen GPU names): a miss is resolved again. */
      const resolved = new Map<string, string>();
      return (cells) => {
        let offer = fast?.(cells);
        if (offer === undefined) {
          const validated = offerFromCsv(header, cells);
          if (!validated.ok) return { ok: false, code: 'invalid', issues: validated.issues };
          offer = validated.value;
        }
        const known = resolved.get(offer.gpu);
        const match = known === undefined ? gpus.resolve(offer.gpu) : { ok: true as const, gpu: known };
        if (match.ok && known === undefined && resolved.size < 4096) resolved.set(offer.gpu, match.gpu);
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
        if (latest !== null && asOfDay(offer.asOf) > latest) {
          const message = `asOf ${offer.asOf} is after ${ceiling!.what}, ${ceiling!.day}: a price cannot be read before that day comes; check the year`;
          return {
            ok: false,
            code: 'future-as-of',
            issues: [{ code: 'future_date', path: ['asOf'], message }],
          };
        }
        offer.gpu = match.gpu;
        return { ok: true, value: finish(offer) };
      };
    },
    idOf: (o) => o.id,
  };
}
