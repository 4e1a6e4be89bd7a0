import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { offerInputSchema } from '@gpufit/schema';
import { badInput, EXIT } from '../cli/errors.js';
import { asBadInput } from '../cli/inputs.js';
import { counted, note, warn } from '../cli/terminal.js';
import { importSkyPilot } from '../import/importSkyPilot.js';
import { offersToCsv } from '../io/offersCsv.js';

export interface ImportSkypilotOptions {
  readonly cloud: string;
  readonly asOf: string;
  readonly source?: string;
  readonly out?: string;
  readonly strict?: boolean;
}

export async function runImportSkypilot(file: string, opts: ImportSkypilotOptions): Promise<void> {
  // The date goes onto every offer; checked here, a bad one is one message about the option, not a rejection
  // of every row under a column the file does not have.
  if (!offerInputSchema.shape.asOf.safeParse(opts.asOf).success) {
    throw badInput(
      `--as-of ${JSON.stringify(opts.asOf)}: write the date the catalog was read as YYYY-MM-DD (or YYYY-MM)`,
    );
  }
  const result = await asBadInput(
    importSkyPilot(file, {
      cloud: opts.cloud,
      asOf: opts.asOf,
      source: opts.source ?? `SkyPilot catalog ${basename(file)}`,
      ...(opts.strict !== undefined && { strict: opts.strict }),
    }),
  );
  const csv = offersToCsv(result.offers);
  if (opts.out) await writeFile(opts.out, csv, 'utf8');
  else process.stdout.write(csv);
  const { read, accepted, rejected } = result.accounting;
  note(
    `${file}: ${counted(read, 'row')} read, ${accepted} priced, ${rejected} rejected → ${counted(result.offers.length, 'offer')}${opts.out ? ` in ${opts.out}` : ''}.`,
  );
  for (const w of result.warnings) warn(w.message);
  for (const r of result.rejected.slice(0, 10))
    note(`  row ${r.row}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
  if (result.rejected.length > 10) note(`  … and ${result.rejected.length - 10} more`);
  // Nothing to import is a failed import, not an empty success: say why and exit 2 (the CSV is still written,
  // with its header, so a pipeline sees the same columns).
  if (result.offers.length === 0) {
    // (A file without rows already has its warning from the importer.)
    if (read > 0)
      warn(`${file}: none of its ${counted(read, 'row')} gave an offer (see above); nothing was imported.`);
    process.exitCode = EXIT.badInput;
  }
}
