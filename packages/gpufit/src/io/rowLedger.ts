import { type Accounting, showHiddenCharacters, type ValidationIssue } from '@gpufit/schema';
import { IdSet } from './idSet.js';
import { LoadError } from './loadError.js';
import type { LoadItem, LoadRejection, LoadWarning } from './loadTypes.js';

export const ACCOUNTING_BROKEN = 'loader accounting broken: read must equal accepted + rejected';

/**
 * The most rejected rows one file may have. Each rejection is kept (to be listed), so a stream of bad rows
 * (`/dev/urandom` after a header) would otherwise grow memory until the size limit, gigabytes later; a file
 * with this many bad rows is a wrong export, and the first ones say why.
 */
export const MAX_REJECTED_ROWS = 100_000;

/**
 * The books of one load: every data row read ends as accepted or rejected, duplicate ids are rejected after
 * the first, and `strict` turns the first rejection into a thrown `LoadError`. Duplicate detection keeps every
 * accepted id (in an `IdSet`, about 40 bytes per id), so its memory grows with the number of distinct ids.
 */
export class RowLedger {
  read = 0;
  accepted = 0;
  rejected = 0;
  blankRows = 0;
  readonly warnings: LoadWarning[] = [];
  private readonly ids = new IdSet();

  constructor(
    readonly file: string,
    private readonly strict: boolean,
  ) {}

  /** Accepts `value` unless its id was accepted before. */
  accept<T>(row: number, line: number | null, id: string, value: T): LoadItem<T> {
    this.read++;
    const first = this.ids.addOrGet(id, row);
    if (first !== 0) {
      return this.rejectCounted({
        file: this.file,
        row,
        line,
        code: 'duplicate-id',
        column: 'id',
        reason: `duplicate id "${id}": row ${first} already has it; ids must be unique`,
        issues: [],
      });
    }
    this.accepted++;
    return { ok: true, row, value };
  }

  /**
   * Counts a row proved valid and not kept (so no value is made): its id is the ASCII bytes `bytes[from … to)`.
   * False, and nothing counted, when that id was accepted before: `accept` then rejects the row as usual.
   */
  acceptUnkept(row: number, bytes: Uint8Array, from: number, to: number): boolean {
    if (this.ids.addOrGetAscii(bytes, from, to, row) !== 0) return false;
    this.read++;
    this.accepted++;
    return true;
  }

  reject(rejection: LoadRejection): LoadItem<never> {
    this.read++;
    return this.rejectCounted(rejection);
  }

  private rejectCounted(rejection: LoadRejection): LoadItem<never> {
    this.rejected++;
    if (this.rejected > MAX_REJECTED_ROWS) {
      throw new LoadError({
        code: 'too-many-rejected',
        file: rejection.file,
        row: rejection.row,
        column: null,
        reason: `more than ${MAX_REJECTED_ROWS.toLocaleString('en-US')} rows were rejected, so reading stopped here: check that this is the file and the export you meant; the first rows of it show why (validate a few hundred lines of it)`,
      });
    }
    if (this.strict) {
      throw new LoadError({
        code: rejection.code,
        file: rejection.file,
        row: rejection.row,
        column: rejection.column,
        reason: rejection.reason,
      });
    }
    return { ok: false, rejection };
  }

  accounting(): Accounting {
    if (this.read !== this.accepted + this.rejected) throw new Error(ACCOUNTING_BROKEN);
    return { read: this.read, accepted: this.accepted, rejected: this.rejected };
  }
}

/** One rejection from schema issues: the first issue's column, every message in the reason. */
export function rejectionFromIssues(
  file: string,
  row: number,
  line: number | null,
  code: string,
  issues: readonly ValidationIssue[],
): LoadRejection {
  const first = issues[0];
  // A JSON key is a column here and may hold any character: shown, never passed on.
  const column = first && first.path.length > 0 ? showHiddenCharacters(first.path.join('.')) : null;
  const reason = showHiddenCharacters(
    issues.length > 0 ? issues.map(issueSentence).join('; ') : 'invalid row',
  );
  return { file, row, line, code, column, reason, issues };
}

/** An issue's message, prefixed with its path when the message does not already name it. */
function issueSentence(issue: ValidationIssue): string {
  const path = issue.path.join('.');
  const head = issue.path[0];
  if (path === '' || (typeof head === 'string' && issue.message.includes(head))) return issue.message;
  return `${path}: ${issue.message}`;
}
