import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS } from '../src/csv/csvColumns.js';
import { FOCUS_COLUMNS } from '../src/focus/focusColumns.js';

/** docs/reports.md documents the columns; this keeps the documentation and the registries in step. */
const doc = readFileSync(new URL('../../../docs/reports.md', import.meta.url), 'utf8');

function documentedColumns(heading: string): string[] {
  const start = doc.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const lines = doc.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const rows = table.slice(
    2,
    table.findIndex((l) => !l.startsWith('|')),
  );
  return rows.map((l) => /`([^`]+)`/.exec(l)?.[1] ?? '');
}

describe('docs/reports.md lists the columns the renderers write, in order', () => {
  test('report.csv', () => {
    expect(documentedColumns('### `report.csv` columns')).toEqual(CSV_COLUMNS.map((c) => c.name));
  });

  test('forecast-focus.csv', () => {
    expect(documentedColumns('### `forecast-focus.csv` columns')).toEqual(FOCUS_COLUMNS.map((c) => c.name));
  });
});
