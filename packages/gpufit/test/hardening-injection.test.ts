// Output injection, end to end: a workloads file, an offer catalog and a scenario whose every free-text field
// carries a spreadsheet-formula or HTML/script payload go through the real loaders and the built CLI
// (`gpufit analyze --out DIR`). In report.csv and forecast-focus.csv no text cell may start with a character
// that makes a spreadsheet run it (= + - @ tab CR) unless neutralized; in report.html no payload may appear
// unescaped outside the inlined chart.js, and the JSON in the page cannot leave its script element.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFER_FIELDS } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { readChartJsSource } from '../src/render/chartJsSource.js';
import { type CliRun, runBuiltCli } from './support/runBuiltCli.js';

/** OWASP CSV-injection and XSS payloads, as a user (or an imported catalog) could write them. */
const PAYLOADS = [
  "=cmd|'/c calc'!A1",
  '+SUM(1)',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '</script><script>alert(1)</script>',
] as const;

/** Offer columns that are free text (the rest are numbers, enums, codes or dates the schema checks). */
const OFFER_TEXT_FIELDS = [
  'id',
  'provider',
  'providerName',
  'instanceType',
  'region',
  'reliabilitySource',
  'egressSource',
  'source',
  'notes',
] as const;

/** GPUs the workloads below can run on, so the payload offers are the ones the reports cite. */
const GPUS = new Set(['L4', 'RTX4090', 'A100-80GB', 'H100', 'L40S']);

let out = '';
let run: CliRun;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-injection-'));
  // Real offers from datasets/offers.csv (prices, GPUs, availability as they are), their text replaced by payloads.
  const rows = parse(readFileSync(join(bundledDatasetsDir(), 'offers.csv')), { columns: true }) as Record<
    string,
    string
  >[];
  const picked: Record<string, string>[] = [];
  for (const market of ['hyperscaler', 'gpu-cloud', 'marketplace', 'depin']) {
    const some = rows.filter(
      (r) => r['market'] === market && GPUS.has(r['gpu']!) && r['pricingCategory'] !== 'Committed',
    );
    picked.push(...some.slice(0, 6));
  }
  let k = 0;
  const offers = picked.map((r, i) => {
    const o: Record<string, string> = { ...r };
    for (const f of OFFER_TEXT_FIELDS) o[f] = `${PAYLOADS[k++ % PAYLOADS.length]} ${f} ${i}`;
    // A payload token symbol (the schema upper-cases it; 16 characters at most).
    if (o['incentiveSymbol']) o['incentiveSymbol'] = '=1+1';
    return o;
  });
  // One offer whose GPU name is a payload: rejected, and its reason (quoting the name) goes into the reports.
  offers.push({ ...offers[0]!, id: 'rejected:gpu', gpu: '=HYPERLINK("http://x")' });
  const catalog = join(dir, 'catalog.csv');
  writeFileSync(catalog, stringify(offers, { header: true, columns: [...OFFER_FIELDS] }));

  const workloadRows = PAYLOADS.map((p, i) => ({
    id: `w${i}`,
    name: `${p} workload ${i}`,
    kind: ['batch-inference', 'experimentation', 'fine-tuning'][i % 3]!,
    gpuType: ['L4', 'RTX4090', 'A100-80GB'][i % 3]!,
    gpuHoursPerMonth: String(100 + 10 * i),
    interruptible: 'true',
    checkpointable: 'true',
  }));
  // A rejected workload row whose bad value is a payload (its reason quotes it).
  workloadRows.push({ ...workloadRows[0]!, id: 'bad', kind: '=cmd|evil' });
  const workloads = join(dir, 'workloads.csv');
  writeFileSync(workloads, stringify(workloadRows, { header: true }));

  const scenario = join(dir, 'scenario.json');
  writeFileSync(scenario, JSON.stringify({ name: "=cmd|'/c calc'!A1 <script>alert(1)</script>" }));

  out = join(dir, 'report');
  run = await runBuiltCli([
    'analyze',
    workloads,
    '--catalog',
    catalog,
    '--scenario',
    scenario,
    '--out',
    out,
    '--trials',
    '300',
  ]);
}, 180_000);

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
/** A number as gpufit writes it (a negative amount must stay a number a spreadsheet can sum). */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** Text that came from a payload (its distinctive parts survive trimming and escaping). */
const FROM_PAYLOAD =
  /cmd\||SUM\(1\)|-2\+3|=1|alert\(1\)|HYPERLINK|workload \d|(id|provider|providerName|instanceType|region|reliabilitySource|egressSource|source|notes) \d/;

function csvCells(file: string): string[] {
  const rows = parse(readFileSync(join(out, file)), { bom: true, relax_column_count: true }) as string[][];
  return rows.flat();
}

describe('output injection through the built CLI and the real loaders', () => {
  it('runs: the payload rows are read (and the two bad rows rejected), nothing crashes', () => {
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/internal error/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const workloads = { read: PAYLOADS.length + 1, accepted: PAYLOADS.length, rejected: 1 };
    expect(json.accounting).toMatchObject({ ...workloads, workloads });
    const offers = json.accounting.offers;
    expect(offers.rejected).toBe(1);
    expect(offers.read).toBe(offers.accepted + offers.rejected);
    expect(json.rejected.map((r: { row: number; column: string }) => r.column).sort()).toEqual([
      'gpu',
      'kind',
    ]);
    // The reports cite payload offers: the payloads reached every renderer.
    const cited = json.workloads.flatMap((w: { decision: { cloud: { offer: { id: string } } | null } }) =>
      w.decision.cloud ? [w.decision.cloud.offer.id] : [],
    );
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) expect(id).toMatch(/ id \d+$/);
  });

  it.each(['report.csv', 'forecast-focus.csv'])('%s: no text cell a spreadsheet would run', (file) => {
    const cells = csvCells(file);
    const fromInput = cells.filter((c) => FROM_PAYLOAD.test(c));
    expect(fromInput.length, 'payload text reaches the file').toBeGreaterThan(5);
    for (const cell of cells) {
      if (!TRIGGERS.includes(cell.charAt(0))) continue;
      // Only a number may start with a trigger character; text must have been neutralized (a leading ').
      expect(cell, `unneutralized cell ${JSON.stringify(cell)}`).toMatch(NUMBER);
    }
    // Neutralized, not dropped: the payload is still there after the quote.
    expect(fromInput.some((c) => c.startsWith("'="))).toBe(true);
  });

  it('report.md: no payload tag survives as HTML; table rows keep their cell count (pipes escaped)', () => {
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // The payload text is there, escaped: CommonMark shows "\<script>" as text, never as a tag.
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    // Outside code spans (whose content CommonMark shows literally, e.g. an offer id in backticks).
    const prose = md.replace(/(`+)[^`\n]*?\1/g, '');
    expect(prose).not.toMatch(/(^|[^\\])<(script|img|svg)\b/im);
    // GFM splits table cells on unescaped pipes: every row of a table has its header's cell count.
    const lines = md.split('\n');
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let tables = 0;
    for (let i = 1; i < lines.length; i++) {
      if (!/^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i]!)) continue; // a table's delimiter row
      tables++;
      const width = cells(lines[i - 1]!);
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++)
        expect(cells(lines[j]!), lines[j]).toBe(width);
    }
    expect(tables).toBeGreaterThan(0);
  });

  it('report.html: no payload unescaped outside the inlined chart.js; the page JSON stays in its element', async () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const chartJs = await readChartJsSource();
    expect(html).toContain(chartJs);
    const page = html.replace(chartJs, '');
    for (const raw of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '"><svg',
    ]) {
      expect(page).not.toContain(raw);
    }
    // No event-handler attribute in any tag (text inside a quoted attribute value is only text: quotes in input
    // are escaped, so it cannot close the value).
    for (const [tag] of page.matchAll(/<[a-z][^>]*>/gi)) {
      expect(tag.replace(/"[^"]*"|'[^']*'/g, '""'), tag).not.toMatch(/\son[a-z]+\s*=/i);
    }
    // Escaped, not dropped.
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');

    // Every <script> element is one of the page's own: chart.js, the JSON data and the boot script.
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    const opened = (page.match(/<script\b/gi) ?? []).length;
    expect(scripts.length).toBe(opened);
    const data = scripts.filter((m) => /type="application\/json"/.test(m[1]!));
    expect(data.length).toBeGreaterThan(0);
    for (const [, , body] of data) {
      expect(body).not.toMatch(/<\/script|<!--|<script/i);
      const parsed = JSON.stringify(JSON.parse(body!));
      expect(parsed).toMatch(/alert\(1\)|workload \d/); // the data round-trips, payload included
    }
    expect(scripts.length).toBeLessThanOrEqual(4);
  });
});

describe('importers and catalog merge neutralize formula-leading text, as the report CSVs do', () => {
  // `gpufit import skypilot` used to write `=cmd|…` into instanceType as it was; the offers CSV an import or a
  // merge writes is opened in spreadsheets as much as a report is.
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-import-injection-'));
  const fixtures = join(import.meta.dirname, 'fixtures');
  const vms = join(dir, 'vms.csv');
  writeFileSync(
    vms,
    [
      'InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region',
      ...PAYLOADS.slice(0, 6).map(
        (p, i) => `${stringify([[`${p} type ${i}`]]).trim()},V100,8,88.0,448.0,,6.32,,europe-central-${i}`,
      ),
    ].join('\n'),
  );
  const vast = join(dir, 'vast.json');
  const vastPayload = JSON.parse(readFileSync(join(fixtures, 'import', 'vast-offers.json'), 'utf8')) as {
    offers: Record<string, unknown>[];
  };
  vastPayload.offers = vastPayload.offers.slice(0, 3).map((o, i) => ({
    ...o,
    geolocation: `${PAYLOADS[i]}, US`,
  }));
  writeFileSync(vast, JSON.stringify(vastPayload));

  it.concurrent.each([
    ['skypilot', [vms, '--cloud', 'lambda']],
    ['vast', [vast]],
    ['akash', [join(fixtures, 'import', 'akash-gpu-prices.json')]],
  ] as const)('import %s: no written cell starts a formula', async (importer, args) => {
    const file = join(dir, `${importer}-offers.csv`);
    const run = await runBuiltCli([
      'import',
      importer,
      ...args,
      '--as-of',
      '2026-11-24',
      '--source',
      "=cmd|'/c calc'!A1 source",
      '--out',
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row['source']).toBe("'=cmd|'/c calc'!A1 source");
      for (const [column, cell] of Object.entries(row)) {
        if (NUMBER.test(cell)) continue;
        expect(TRIGGERS, `${importer} ${column}: ${JSON.stringify(cell)}`).not.toContain(cell.charAt(0));
      }
    }
    if (importer === 'skypilot') {
      expect(rows.map((r) => r['instanceType'])).toContain("'=cmd|'/c calc'!A1 type 0");
      // The importer trims the cell, so the tab goes and the `=` behind it is neutralized.
      expect(rows.map((r) => r['instanceType'])).toContain("'=1 type 4");
    }
    // What the import wrote is still a catalog gpufit reads.
    const check = await runBuiltCli(['validate', file, '--as', 'offers']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('catalog merge writes neutralized text too', async () => {
    const source = join(dir, 'payload-catalog.csv');
    const rows = parse(readFileSync(join(bundledDatasetsDir(), 'offers.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    const some = rows
      .slice(0, 3)
      .map((r, i) => ({ ...r, providerName: `${PAYLOADS[i]} name`, notes: '@SUM(1)' }));
    writeFileSync(source, stringify(some, { header: true, columns: [...OFFER_FIELDS] }));
    const merged = join(dir, 'merged.csv');
    const run = await runBuiltCli(['catalog', 'merge', source, '--out', merged]);
    expect(run.code, run.stderr).toBe(0);
    const out = parse(readFileSync(merged), { columns: true }) as Record<string, string>[];
    expect(out.map((r) => r['providerName'])).toEqual([
      "'=cmd|'/c calc'!A1 name",
      "'+SUM(1) name",
      "'-2+3 name",
    ]);
    expect(out.every((r) => r['notes'] === "'@SUM(1)")).toBe(true);
  });
});
