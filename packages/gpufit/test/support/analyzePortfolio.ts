import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '@gpufit/schema';
import { expect } from 'vitest';
import { runBuiltCli as gpufit } from './runBuiltCli.js';

/** A portfolio CSV written to a temporary file and analyzed by the built CLI (JSON, 200 trials, 2026-12-01). */
export async function analyzePortfolio(csv: string): Promise<{ file: string; analysis: Analysis }> {
  const file = join(mkdtempSync(join(tmpdir(), 'gpufit-portfolio-')), 'portfolio.csv');
  writeFileSync(file, csv);
  const r = await gpufit([
    'analyze',
    file,
    '--format',
    'json',
    '--trials',
    '200',
    '--analysis-date',
    '2026-12-01',
  ]);
  expect(r.code, r.stderr).toBe(0);
  return { file, analysis: JSON.parse(r.stdout) as Analysis };
}
