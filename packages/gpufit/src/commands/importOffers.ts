import { basename } from 'node:path';
import { addDays, asOfDay } from '@gpufit/analysis';
import { type Offer, offerInputSchema } from '@gpufit/schema';
import { todayUtc } from '../cli/clock.js';
import { badInput, EXIT } from '../cli/errors.js';
import { asBadInput } from '../cli/inputs.js';
import { counted, note, warn } from '../cli/terminal.js';
import { importAkash } from '../import/importAkash.js';
import type { OfferImportResult } from '../import/importLedger.js';
import { importSkyPilot } from '../import/importSkyPilot.js';
import { importVast } from '../import/importVast.js';
import { offersToCsv } from '../io/offersCsv.js';
import { AS_OF_TOLERANCE_DAYS } from '../io/offerTable.js';
import { writeFileAtomic } from '../output/writeFileAtomic.js';

/** Options every importer takes. */
export interface ImportOptions {
  readonly asOf?: string;
  readonly source?: string;
  readonly out?: string;
  readonly strict?: boolean;
  readonly json?: boolean;
}

export interface ImportSkypilotOptions extends ImportOptions {
  readonly cloud: string;
}

export interface ImportVastOptions extends ImportOptions {
  readonly regionBy?: 'country' | 'continent';
}

/**
 * The as-of date of the offers: `--as-of` when given (checked here, so a bad one is one message about the
 * option, not a rejection of every row), else today, said on stderr: none of these payloads carries its date.
 */
function asOfDate(opts: ImportOptions): string {
  const today = todayUtc();
  if (opts.asOf !== undefined) {
    const checked = offerInputSchema.shape.asOf.safeParse(opts.asOf);
    if (!checked.success)
      throw badInput(
        `--as-of ${JSON.stringify(opts.asOf)}: write the date the prices were read as YYYY-MM-DD (or YYYY-MM) (${checked.error.issues[0]?.message})`,
      );
    if (asOfDay(opts.asOf) > addDays(today, AS_OF_TOLERANCE_DAYS))
      throw badInput(
        `--as-of ${opts.asOf} is after today, ${today}: give the day the file was fetched; check the year`,
      );
    return opts.asOf;
  }
  note(
    `no --as-of given: the offers are dated today, ${today}; pass --as-of YYYY-MM-DD with the day the file was fetched if it is older`,
  );
  return today;
}

const IMPORT_HINT =
  'Each importer reads one format; `gpufit import --help` lists them and docs/cli.md shows each.';

interface Common {
  readonly asOf: string;
  readonly source: string;
  readonly strict?: boolean;
}

/** Each importer: how its records are named in messages, its default provenance, and how it is called. */
const IMPORTERS = {
  skypilot: {
    words: { record: 'row', field: 'column' },
    source: (name: string) => `SkyPilot catalog ${name}`,
    run: (file: string, c: Common, opts: ImportSkypilotOptions) =>
      importSkyPilot(file, { ...c, cloud: opts.cloud }),
  },
  vast: {
    words: { record: 'offer record', field: 'field' },
    source: (name: string) => `Vast.ai offer search ${name} (console.vast.ai /api/v0/bundles/)`,
    run: (file: string, c: Common, opts: ImportVastOptions) =>
      importVast(file, { ...c, ...(opts.regionBy === undefined ? {} : { regionBy: opts.regionBy }) }),
  },
  akash: {
    words: { record: 'model', field: 'field' },
    source: (name: string) => `Akash Console API /v1/gpu-prices ${name} (console-api.akash.network)`,
    run: (file: string, c: Common, _opts: ImportOptions) => importAkash(file, c),
  },
} as const;

export type ImporterName = keyof typeof IMPORTERS;

/** `gpufit import <name> FILE`: converts the file, writes the offers and reports the books. */
export async function runImport<N extends ImporterName>(
  name: N,
  file: string,
  opts: Parameters<(typeof IMPORTERS)[N]['run']>[2],
): Promise<void> {
  if (opts.json && !opts.out)
    throw badInput('--json prints the import report on stdout, so the offers need --out FILE');
  const importer = IMPORTERS[name];
  const common: Common = {
    asOf: asOfDate(opts),
    source: opts.source ?? importer.source(basename(file)),
    ...(opts.strict === undefined ? {} : { strict: opts.strict }),
  };
  const run = importer.run as (file: string, c: Common, o: typeof opts) => Promise<OfferImportResult<Offer>>;
  const result = await asBadInput(run(file, common, opts), IMPORT_HINT);
  await report(file, result, opts, importer.words);
}

/**
 * Writes the offers (to `--out`, else stdout) and the books: on stderr, or as JSON on stdout with `--json`
 * (which `runImport` has made sure comes with `--out`). An import that yields no offer is a failed import
 * (exit 2): the CSV is still written, with its header, so a pipeline sees the same columns.
 */
async function report(
  file: string,
  result: OfferImportResult<Offer>,
  opts: ImportOptions,
  words: { readonly record: string; readonly field: string },
): Promise<void> {
  const noun = words.record;
  const csv = offersToCsv(result.offers);
  if (opts.out) await writeFileAtomic(opts.out, csv);
  else process.stdout.write(csv);
  const { read, accepted, rejected } = result.accounting;
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify({ file, out: opts.out, offers: result.offers.length, accounting: result.accounting, rejected: result.rejected.map(({ issues: _, ...r }) => r), warnings: result.warnings }, null, 2)}\n`,
    );
  } else {
    note(
      `${file}: ${counted(read, noun)} read, ${accepted.toLocaleString('en-US')} accepted, ${rejected.toLocaleString('en-US')} rejected → ${counted(result.offers.length, 'offer')}${opts.out ? ` in ${opts.out}` : ''}.`,
    );
    for (const w of result.warnings) warn(w.message);
    for (const r of result.rejected.slice(0, 10))
      note(`  ${noun} ${r.row}${r.column ? `, ${words.field} ${r.column}` : ''}: ${r.reason}`);
    if (result.rejected.length > 10) note(`  … and ${result.rejected.length - 10} more`);
  }
  if (result.offers.length === 0) {
    if (read > 0) warn(`${file}: none of its ${counted(read, noun)} gave an offer; nothing was imported.`);
    process.exitCode = EXIT.badInput;
  }
}
