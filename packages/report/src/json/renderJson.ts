import type { Analysis } from '@gpufit/schema';
import { assertFiniteNumbers } from '../present/assertFiniteNumbers.js';
import { canonicalize } from './canonicalize.js';

/**
 * `report.json`: the versioned `Analysis` shape (`schemaVersion` inside) with keys in a stable (sorted) order,
 * 2-space indent and a final newline: byte-identical for the same input. Numbers are the model's unrounded
 * float64 values, printed by ECMAScript's shortest round-trip rule; NaN and Infinity are refused.
 */
export function renderJson(analysis: Analysis): string {
  assertFiniteNumbers(analysis);
  return `${JSON.stringify(canonicalize(analysis), null, 2)}\n`;
}
