/** Why a user formula was refused or failed. Errors are data: a code, the expression and a founder-readable message. */
export type FormulaErrorCode =
  | 'empty'
  | 'too-long'
  | 'syntax'
  | 'node-not-allowed'
  | 'function-not-allowed'
  | 'unknown-symbol'
  | 'string'
  | 'too-complex'
  | 'not-text'
  | 'invalid-argument'
  | 'missing-variable'
  | 'evaluation'
  | 'not-finite'
  | 'out-of-range';

export class FormulaError extends Error {
  override readonly name = 'FormulaError';
  constructor(
    readonly code: FormulaErrorCode,
    message: string,
    readonly expression: string,
    readonly detail?: string,
  ) {
    const text = detail === undefined ? message : `${message} (${detail})`;
    super(expression === '' ? text : `${text}: ${expression}`);
  }
}
