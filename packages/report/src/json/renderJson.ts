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

/**
 * Containers this deep (the analysis, its sections, their lists, their items) are written member by member;
 * anything deeper is one JSON.stringify of its canonical copy. Depth 3 reaches each workload's sections, so no
 * chunk holds more than one workload's part.
 */
const CHUNK_DEPTH = 3;

/**
 * renderJson's bytes as a sequence of pieces, concatenated: the same text without a canonical copy of the
 * whole analysis or the whole text in memory at once (a 10,000-workload report.json is hundreds of MB as one
 * string). Each piece is at most one subtree below CHUNK_DEPTH, indented as JSON.stringify indents it in place
 * (JSON.stringify escapes line breaks inside strings, so every raw newline of a piece is structural).
 */
export function* renderJsonChunks(analysis: Analysis): Generator<string> {
  assertFiniteNumbers(analysis);
  yield* chunks(analysis, '', 0);
  yield '\n';
}

function* chunks(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth >= CHUNK_DEPTH || value === null || typeof value !== 'object' || 'toJSON' in value) {
    // A member of an array that JSON.stringify cannot print (undefined, a function) is printed as null.
    const text = JSON.stringify(canonicalize(value), null, 2) ?? 'null';
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      yield* chunks(value[i], inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  // The members JSON.stringify prints of canonicalize's copy, in its order: keys inserted sorted, which a
  // JavaScript object lists with the integer keys ("2", "10") first, ascending; undefined dropped, and
  // functions and symbols, which are not JSON.
  const keys = Object.keys(
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, 0]),
    ),
  ).filter((k) => {
    const t = typeof record[k];
    return t !== 'undefined' && t !== 'function' && t !== 'symbol';
  });
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* chunks(record[key], inner, depth + 1);
  }
  yield `\n${indent}}`;
}
