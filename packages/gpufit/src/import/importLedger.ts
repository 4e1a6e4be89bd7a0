import type { Accounting } from '@gpufit/schema';
import { INPUT_LIMITS } from '../io/inputLimits.js';
import { LoadError } from '../io/loadError.js';
import type { LoadRejection, LoadSource, LoadWarning } from '../io/loadTypes.js';
import { sourceName } from '../io/readCsvRows.js';
import { readJsonDocument } from '../io/readJsonDocument.js';

/** What an importer returns: the offers it made and the books of the records it read. */
export interface OfferImportResult<O> {
  readonly file: string;
  readonly offers: O[];
  readonly rejected: LoadRejection[];
  /** Records of the input: accepted = records behind at least one offer; read = accepted + rejected. */
  readonly accounting: Accounting;
  readonly warnings: LoadWarning[];
}

/**
 * The books of an import from JSON records (row = array index + 1, line null): each record read ends accepted
 * or rejected with a code, a field and a reason. `strict` throws on the first rejection whose code is not one
 * of the importer's own exclusions (`policyCodes`: a record that is valid but gives no offer by rule).
 */
export class ImportLedger {
  private read = 0;
  private accepted = 0;
  readonly rejected: LoadRejection[] = [];
  readonly warnings: LoadWarning[] = [];

  constructor(
    readonly file: string,
    private readonly strict: boolean,
    private readonly policyCodes: ReadonlySet<string> = new Set(),
  ) {}

  /** Counts a record as read; decide its fate later with `accept` or `reject`. */
  readRecord(): void {
    this.read++;
  }

  accept(count = 1): void {
    this.accepted += count;
  }

  reject(row: number, code: string, column: string | null, reason: string): void {
    if (this.strict && !this.policyCodes.has(code))
      throw new LoadError({ code, file: this.file, row, column, reason });
    this.rejected.push({ file: this.file, row, line: null, code, column, reason, issues: [] });
  }

  /** The books, checked: every record read is accepted or rejected, once. */
  result<O>(offers: O[]): OfferImportResult<O> {
    if (this.read !== this.accepted + this.rejected.length)
      throw new Error(`import of ${this.file}: accounting broken (read ≠ accepted + rejected)`);
    this.rejected.sort((a, b) => a.row - b.row);
    return {
      file: this.file,
      offers,
      rejected: this.rejected,
      accounting: { read: this.read, accepted: this.accepted, rejected: this.rejected.length },
      warnings: this.warnings,
    };
  }
}

/** A JSON value as a rejection quotes it (`nothing` when the field is absent). */
export function shown(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

/**
 * Opens a JSON import: reads the document, picks its record list (`recordsOf` throws a file-level `LoadError`
 * for another shape) and starts the books. An empty file or list gives `records: []` and a warning.
 */
export async function openJsonImport(
  source: LoadSource,
  options: { readonly fileName?: string; readonly strict?: boolean },
  policyCodes: ReadonlySet<string>,
  recordsOf: (data: unknown, file: string) => unknown[],
  what: string,
): Promise<{ readonly ledger: ImportLedger; readonly records: unknown[] }> {
  const file = sourceName(source, options.fileName);
  const doc = await readJsonDocument(source, file, INPUT_LIMITS.importJson);
  const ledger = new ImportLedger(file, options.strict ?? false, policyCodes);
  if (doc.empty) {
    ledger.warnings.push({ code: 'empty-file', file, message: `${file} is empty: nothing was imported` });
    return { ledger, records: [] };
  }
  const records = recordsOf(doc.data, file);
  if (records.length === 0)
    ledger.warnings.push({
      code: 'no-data-rows',
      file,
      message: `${file} lists no ${what}: nothing was imported`,
    });
  return { ledger, records };
}
