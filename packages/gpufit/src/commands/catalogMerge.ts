import { type CatalogPart, type MergedSide, mergeCatalogs } from '../catalog/mergeCatalogs.js';
import { badInput } from '../cli/errors.js';
import { bundled, loadCatalogFile } from '../cli/inputs.js';
import { counted, note, warn } from '../cli/terminal.js';
import { offersToCsv } from '../io/offersCsv.js';
import { writeFileAtomic } from '../output/writeFileAtomic.js';

export interface CatalogMergeOptions {
  readonly out?: string;
  readonly bundled?: boolean;
  readonly strict?: boolean;
  readonly json?: boolean;
}

function shownSide(s: MergedSide): string {
  const price = s.usdPerGpuHour === null ? 'price unknown' : `$${s.usdPerGpuHour}/GPU-h`;
  return `${s.asOf} ${price} (${s.file})`;
}

/**
 * `gpufit catalog merge A.csv B.csv … --out offers.csv`: one catalog, one offer per id, the newest as-of kept
 * (equal days: the later file). Every replacement is reported: on stderr, or in the JSON on stdout with
 * `--json` (then the catalog needs `--out`). Rows a file rejects are listed and left out; `--strict` stops at
 * the first (exit 2), and a file with no valid offer at all is bad input.
 */
export async function runCatalogMerge(files: readonly string[], opts: CatalogMergeOptions): Promise<void> {
  if (opts.json && !opts.out)
    throw badInput('--json prints the merge report on stdout, so the merged catalog needs --out FILE');
  const paths = [...(opts.bundled ? [bundled.catalog()] : []), ...files];
  const parts: CatalogPart[] = [];
  const loads = [];
  for (const file of paths) {
    const load = await loadCatalogFile(file, opts.strict ?? false);
    parts.push({ file, offers: load.rows });
    loads.push(load);
  }
  const merged = mergeCatalogs(parts);
  const csv = offersToCsv(merged.offers);
  if (opts.out) await writeFileAtomic(opts.out, csv);
  else process.stdout.write(csv);

  const replaced = merged.collisions.length;
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          out: opts.out,
          offers: merged.offers.length,
          files: loads.map((l) => ({
            file: l.file,
            accounting: l.accounting,
            rejected: l.rejected.map(({ issues: _, ...r }) => r),
          })),
          replaced: merged.collisions,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  for (const l of loads) {
    const { read, accepted, rejected } = l.accounting;
    note(
      `${l.file}: ${counted(read, 'row')} read, ${accepted.toLocaleString('en-US')} accepted, ${rejected.toLocaleString('en-US')} rejected.`,
    );
    for (const w of l.warnings) warn(w.message);
    for (const r of l.rejected.slice(0, 5))
      note(`  row ${r.row}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
    if (l.rejected.length > 5) note(`  … and ${l.rejected.length - 5} more (gpufit validate ${l.file})`);
  }
  note(
    `merged ${counted(paths.length, 'file')} → ${counted(merged.offers.length, 'offer')}${opts.out ? ` in ${opts.out}` : ''}; ${replaced === 0 ? 'no offer id is in more than one file.' : `${counted(replaced, 'offer')} replaced (as-of and price, old → kept):`}`,
  );
  for (const c of merged.collisions) {
    const why =
      c.reason === 'newer' ? 'newer as-of' : 'same as-of day: the later file on the command line wins';
    note(`  ${c.id}: ${shownSide(c.dropped)} → ${shownSide(c.kept)} [${why}]`);
  }
}
