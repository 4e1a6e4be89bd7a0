import { open } from 'node:fs/promises';
import { badInput, EXIT } from '../cli/errors.js';
import {
  asBadInput,
  asOfCeiling,
  bundled,
  loadCatalogFile,
  loadScenarioFile,
  loadWorkloadsFile,
} from '../cli/inputs.js';
import { assertScenarioNames, knownNames } from '../cli/scenarioNames.js';
import { counted, paint } from '../cli/terminal.js';
import { loadNetworks } from '../data/loadReferenceData.js';
import { PAYLOAD_FORMATS, type PayloadFormat, sniffFormat } from '../import/payloadFormat.js';
import { INPUT_LIMITS } from '../io/inputLimits.js';
import { LoadError } from '../io/loadError.js';
import { loadOffersCsv } from '../io/loadOffers.js';
import type { LoadResult } from '../io/loadTypes.js';
import { readJsonDocument } from '../io/readJsonDocument.js';

export interface ValidateOptions {
  readonly as?: 'workloads' | 'offers' | 'scenario';
  readonly strict?: boolean;
  readonly json?: boolean;
  /** The catalog a scenario's names are checked against (default: the bundled one). */
  readonly catalog?: string;
}

/** What a file is, from its name and its first line: a scenario JSON, a workloads file or an offer catalog. */
async function guessKind(path: string): Promise<'workloads' | 'offers' | 'scenario'> {
  if (/\.json$/i.test(path)) {
    // Read within the larger JSON limit (a workloads JSON); the loader then holds the file to its own.
    let json: unknown;
    try {
      const doc = await readJsonDocument(path, path, INPUT_LIMITS.workloadsJson);
      json = doc.empty ? null : doc.data;
    } catch (error) {
      if (error instanceof LoadError && error.code === 'too-large') throw badInput(error.message);
      return 'scenario'; // the scenario loader says what is wrong with it
    }
    return Array.isArray(json) || (typeof json === 'object' && json !== null && 'workloads' in json)
      ? 'workloads'
      : 'scenario';
  }
  const handle = await asBadInput(open(path, 'r'));
  try {
    const { buffer, bytesRead } = await asBadInput(handle.read(Buffer.alloc(4096), 0, 4096, 0));
    const head = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
    return /usdPerGpuHour|pricingCategory/.test(head) ? 'offers' : 'workloads';
  } finally {
    await handle.close();
  }
}

/** The payloads gpufit imports rather than validates: checking them as a scenario or workloads would mislead. */
const IMPORTED_FORMATS: ReadonlySet<PayloadFormat> = new Set([
  'skypilot-vms',
  'vast-offers',
  'akash-gpu-prices',
]);

export async function runValidate(path: string, opts: ValidateOptions): Promise<void> {
  if (opts.as === undefined) {
    const handle = await asBadInput(open(path, 'r'));
    let head: string;
    try {
      const { buffer, bytesRead } = await asBadInput(handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0));
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
    const format = sniffFormat(head);
    if (format !== null && IMPORTED_FORMATS.has(format)) {
      const f = PAYLOAD_FORMATS[format];
      throw badInput(
        `${path} looks like ${f.name}, which is imported, not validated: ${f.use}, then validate the offers CSV it writes.`,
      );
    }
  }
  const kind = opts.as ?? (await guessKind(path));
  if (kind === 'scenario') {
    // Both throw bad input listing every issue: the schema, the formulas, then the names against the catalog.
    const [{ scenario }, catalog, networks] = await Promise.all([
      loadScenarioFile(path),
      loadCatalogFile(opts.catalog ?? bundled.catalog(), false),
      loadNetworks(),
    ]);
    assertScenarioNames(scenario, knownNames(catalog.rows, networks), path);
    report(opts, { file: path, kind, accounting: { read: 1, accepted: 1, rejected: 0 }, rejected: [] });
    return;
  }
  const strict = opts.strict ?? false;
  const result: LoadResult<unknown> =
    kind === 'offers'
      ? await asBadInput(loadOffersCsv(path, { strict, asOfCeiling: asOfCeiling(null) }))
      : await loadWorkloadsFile(path, strict);
  report(opts, {
    file: path,
    kind,
    accounting: result.accounting,
    rejected: result.rejected,
    warnings: result.warnings.map((w) => w.message),
  });
  if (result.accounting.rejected > 0 || result.accounting.read === 0) process.exitCode = EXIT.badInput;
}

interface ValidationReport {
  readonly file: string;
  readonly kind: string;
  readonly accounting: { read: number; accepted: number; rejected: number };
  readonly rejected: readonly { file: string; row: number; column: string | null; reason: string }[];
  readonly warnings?: readonly string[];
}

function report(opts: ValidateOptions, r: ValidationReport): void {
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const { read, accepted, rejected } = r.accounting;
  const ok = rejected === 0 && read > 0;
  process.stdout.write(
    `${r.file} (${r.kind}): ${counted(read, 'row')} read, ${accepted.toLocaleString('en-US')} accepted, ${rejected.toLocaleString('en-US')} rejected — ${ok ? paint('ok', 'green', process.stdout) : paint('problems found', 'red', process.stdout)}\n`,
  );
  for (const w of r.warnings ?? []) process.stdout.write(`  note: ${w}\n`);
  for (const x of r.rejected) {
    process.stdout.write(`  ${x.file}, row ${x.row}${x.column ? `, column ${x.column}` : ''}: ${x.reason}\n`);
  }
}
