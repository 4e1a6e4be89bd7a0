import { ReportError } from '../errors.js';

/**
 * DESIGN §5: no NaN or Infinity ever reaches an output. The analysis is walked once before rendering and the
 * first non-finite number is reported with its path, so a producer bug fails loudly instead of printing "NaN".
 */
export function assertFiniteNumbers(value: unknown, path: (string | number)[] = []): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ReportError('non-finite-number', path, String(value));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      assertFiniteNumbers(item, [...path, i]);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertFiniteNumbers(item, [...path, key]);
  }
}
