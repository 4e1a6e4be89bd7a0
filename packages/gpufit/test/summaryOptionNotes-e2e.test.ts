import { fileURLToPath } from 'node:url';
import { renderMarkdown } from '@gpufit/report';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';
import { analyzeBundled, analyzeOnBundled } from './support/analyzeBundled.js';

/**
 * The executive summary's table on real portfolios and the bundled catalog. A reviewer's 40-workload enterprise
 * estate (fixtures/enterprise-40.csv) repeated "ineligible: Data must stay in US: DePIN is ineligible unless …" or
 * "none of 288 decentralized offers can run it: …" on about 30 rows: table lines of 779 characters, 1,045 at
 * most. The option cells now say why in a few words and key the sentence, said once under the table.
 *
 * The width bound, 480: a table line is the sum of its cells, and what a row must say — the workload's name (up to
 * 58 characters here), the approach (45), both offers (up to ~135 each: provider, fleet, measured ratio, region,
 * pricing) and two amounts — measured 431 on the estate, 376 on the main job; a reason cell is at most 66, so no
 * reason widens it. 480 leaves room for a longer region or name; the full sentences needed 800+.
 */
const WIDTH = 480;

function summaryOf(md: string) {
  const summary = md.slice(md.indexOf('## Executive summary'), md.indexOf('### Top risks'));
  const table = summary.split('\n').filter((l) => l.startsWith('|'));
  const notesAt = summary.indexOf('Notes to the option columns');
  const notes =
    notesAt < 0
      ? []
      : [...summary.slice(notesAt).matchAll(/^(\d+)\. (.*)$/gm)].map((m) => ({
          n: Number(m[1]),
          text: m[2]!,
        }));
  return { summary, table, notes };
}

/** Every key a row carries resolves to a numbered note, each note is keyed, and each is said once. */
function expectKeysResolve(md: string) {
  const { summary, table, notes } = summaryOf(md);
  expect(notes.map((x) => x.n)).toEqual(notes.map((_, i) => i + 1));
  const keyed = new Set<number>();
  for (const line of table) for (const m of line.matchAll(/\(note (\d+)\)/g)) keyed.add(Number(m[1]));
  expect([...keyed].sort((a, b) => a - b)).toEqual(notes.map((x) => x.n));
  for (const note of notes) expect(summary.split(note.text).length - 1).toBe(1);
  // Each note is the full sentence of a workload's own section.
  const sections = md.slice(md.indexOf('## Workloads'));
  for (const note of notes) expect(sections).toContain(note.text);
}

describe('the summary table of a 40-workload enterprise estate', async () => {
  const inputs = await loadInputs({
    workloads: fileURLToPath(new URL('./fixtures/enterprise-40.csv', import.meta.url)),
  });
  const analysis = await analyzeOnBundled(inputs, inputs.workloads.rows);
  const md = renderMarkdown(analysis, { chartImageDir: 'charts' });

  it(`keeps every line within ${WIDTH} characters`, () => {
    const { table } = summaryOf(md);
    expect(table).toHaveLength(43);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(WIDTH);
  });

  it('says each distinct reason once under the table, every key resolving to it', () => {
    expectKeysResolve(md);
    const { table, notes } = summaryOf(md);
    expect(notes.length).toBeGreaterThan(3);
    // The rows that repeated the residency sentence now share one note.
    expect(
      table.filter((l) => l.includes('ineligible: data must stay in US (note 1)')).length,
    ).toBeGreaterThan(10);
  });
});

describe('the bundled portfolios', () => {
  for (const file of [
    'seed-startup.csv',
    'credibility-cases.csv',
    'eu-genmedia.csv',
    'finance-12-month.csv',
    'hosted-api.csv',
  ]) {
    it(`${file}: lines within ${WIDTH}, keys resolve`, async () => {
      const { analysis } = await analyzeBundled(file);
      const md = renderMarkdown(analysis, { chartImageDir: 'charts' });
      for (const line of summaryOf(md).table) expect(line.length).toBeLessThanOrEqual(WIDTH);
      expectKeysResolve(md);
    });
  }

  it('the main job says what README quotes', async () => {
    const { analysis } = await analyzeBundled();
    const { table } = summaryOf(renderMarkdown(analysis, { chartImageDir: 'charts' }));
    expect(table.find((l) => l.includes('70B continued pretraining'))).toContain(
      'ineligible: interconnect (note 2)',
    );
    expect(table.find((l) => l.includes('8B chat assistant API'))).toContain(
      'none: certification, hosting, GPU ratio (note 1)',
    );
  });
});
