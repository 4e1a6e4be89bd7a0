// Issue 18 item 2 from the command line: scenario settings that change nothing are warned about (stderr and the
// report), diff runs a scenario exactly as analyze does, and every command prints the same total.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analysisResultSchema } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { diffRow } from './support/diffRow.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const DATASETS = join(import.meta.dirname, '..', '..', '..', 'datasets');
const FINANCE = join(DATASETS, 'workloads', 'finance-12-month.csv');
const DEFAULT = join(DATASETS, 'scenarios', 'default.json');
const CRASH = join(DATASETS, 'scenarios', 'token-crash.json');
const GROWTH = join(DATASETS, 'scenarios', 'growth.json');

const planLine = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('Recommended plan: '))!;

describe('scenario effects (built CLI)', () => {
  it('the finance token-crash scenario: each no-effect setting is a warning on stderr and in the report, with its reason', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gpufit-effects-'));
    const r = await runBuiltCli(['analyze', FINANCE, '--scenario', CRASH, '--trials', '200', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'warning: Subsidy for akash ends from 2027-07 (month 7 of the horizon): no chosen offer is on akash (the decentralized options went to nosana, spheron and vast, none of which has a subsidy)',
    );
    expect(r.stderr).toMatch(/warning: AKT price path \(.*\): no chosen offer is priced in AKT\n/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(analysisResultSchema.safeParse(json).success).toBe(true);
    const effects = json.scenarioEffects as { setting: string; effect: string; message: string }[];
    expect(effects.map((e) => `${e.setting} ${e.effect}`)).toEqual([
      'horizonMonths changed',
      'subsidies.akash no-effect',
      'subsidies.ionet no-effect',
      'subsidies.nosana no-effect',
      'subsidies.render no-effect',
      'tokenPrices.AKT no-effect',
      'tokenPrices.IO no-effect',
      // The image generation runs on Nosana, priced in NOS: the crash reaches it, held at its token floor (risk
      // notes only, since its spares follow the demand and Vast's interruptible 4090 is priced at its floor).
      'tokenPrices.NOS changed',
      'tokenPrices.RENDER no-effect',
    ]);
    // Every no-effect warning on stderr is in the report too, and nothing else is warned about.
    const warned = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warned).toEqual(
      effects.filter((e) => e.effect === 'no-effect').map((e) => `warning: ${e.message}`),
    );
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Scenario settings and their effect');
    for (const e of effects) expect(md).toContain(e.message.replaceAll('$', '\\$'));
  });

  it("under demand growth the plan line is followed by the plan's last month (month one's figures said as such)", async () => {
    const out = mkdtempSync(join(tmpdir(), 'gpufit-growth-'));
    const r = await runBuiltCli([
      'analyze',
      FINANCE,
      '--scenario',
      GROWTH,
      '--trials',
      '200',
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Recommended plan: '));
    expect(lines[at + 1]).toMatch(
      /^Those are month one's figures: with the growing workloads' demand at ×3\.07 of today's by 2028-12 \(3 training workloads keep their size\), the plan's last month costs \$[\d,]+\.\d\d \(all-cloud \$[\d,]+\.\d\d\)\.$/,
    );
    // The same figure as the report's headline.
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const cli = lines[at + 1]!.match(/costs \$([\d,.]+)/)![1];
    expect(md).toContain(`the plan's last month costs USD ${cli}`);
  });

  it('no scenario file: no effects, no warnings', async () => {
    const r = await runBuiltCli(['analyze', '--format', 'json', '--trials', '200']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenarioEffects).toBeUndefined();
    expect(r.stderr).not.toContain('warning:');
  });

  it("diff runs each scenario as analyze does (its horizon too) and prints analyze's totals to the cent", async () => {
    const analyzeB = await runBuiltCli([
      'analyze',
      FINANCE,
      '--scenario',
      CRASH,
      '--format',
      'json',
      '--trials',
      '200',
    ]);
    expect(analyzeB.code, analyzeB.stderr).toBe(0);
    const report = await runBuiltCli([
      'analyze',
      FINANCE,
      '--scenario',
      CRASH,
      '--trials',
      '200',
      '--out',
      mkdtempSync(join(tmpdir(), 'gpufit-effects-')),
    ]);
    const d = await runBuiltCli(['diff', DEFAULT, CRASH, '--workloads', FINANCE]);
    expect(d.code, d.stderr).toBe(0);
    // The same total string: "$49,347.01" in analyze's line and in diff's B column.
    const shown =
      /Recommended plan: (\$[\d,.]+)\/month against (\$[\d,.]+) all-cloud — saves (\$[\d,.]+)/.exec(
        planLine(report.stdout),
      )!;
    expect(diffRow(d.stdout, 'monthly, recommended')[1]).toBe(shown[1]);
    expect(diffRow(d.stdout, 'monthly, all cloud')[1]).toBe(shown[2]);
    expect(diffRow(d.stdout, 'monthly savings')[1]).toBe(shown[3]);
    // The horizon is the scenario's 24 months, as in analyze's report.json.
    const b = JSON.parse(analyzeB.stdout);
    expect(b.scenario.horizonMonths).toBe(24);
    const json = await runBuiltCli(['diff', DEFAULT, CRASH, '--workloads', FINANCE, '--json']);
    const diff = JSON.parse(json.stdout);
    expect(diff.totals.horizonRecommendedUsd.b).toBe(b.totals.horizonUsd.recommended);
    expect(d.stdout).toContain('horizon, recommended (12 → 24 months)');
    // Horizons of different lengths: each side's horizon total ÷ its months, to the cent.
    const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));
    const horizon = diffRow(d.stdout, 'horizon, recommended (12 → 24 months)');
    const average = diffRow(d.stdout, 'average a month over the horizon');
    expect(dollars(average[0]!)).toBeCloseTo(dollars(horizon[0]!) / 12, 2);
    expect(dollars(average[1]!)).toBeCloseTo(dollars(horizon[1]!) / 24, 2);
    // Nothing but the horizon changed any workload, and the text says which setting did it.
    expect(d.stdout).toContain(
      'No chosen option changed; the cost of the chosen options moved, for 9 workloads:',
    );
    for (const w of diff.workloads) expect(w.causes[0]).toBe('Horizon of 24 months');
    // The NOS crash touches only the image generation on Nosana, and only its risk notes (held at the token floor):
    // it is not named among what moved the figures, but beside them.
    expect(diff.workloads.every((w: { causes: string[] }) => w.causes.length === 1)).toBe(true);
    expect(
      diff.workloads
        .filter((w: { riskNoteCauses: string[] }) => w.riskNoteCauses.length > 0)
        .map((w: { id: string; riskNoteCauses: string[] }) => [w.id, w.riskNoteCauses.length]),
    ).toEqual([['image-gen', 1]]);
    expect(d.stdout).toMatch(
      / {2}image-gen: .* — by Horizon of 24 months; NOS price path \(.*\) changed its risk notes only\n/,
    );
    expect(d.stdout).toContain('Settings that changed nothing:');
    expect(d.stdout).toContain('no chosen offer is priced in AKT');
    // Five CLI runs (two analyses, three diffs): 25 s under a load of 12 on the shared host.
  }, 90_000);

  it("a workload's stated horizon is kept under a longer scenario; default.json gives the figures of no scenario", async () => {
    // The bundled example with its 70B pretraining as a 3-month project: a 24-month stress scenario must not bill
    // that project for 24 months (a reviewer's 8×H100 run was billed $93,589 instead of $11,699).
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-horizon-'));
    const csv = join(dir, 'startup.csv');
    const lines = readFileSync(join(DATASETS, 'workloads', 'seed-startup.csv'), 'utf8').split('\n');
    const column = lines[0]!.split(',').indexOf('horizonMonths');
    expect(column).toBeGreaterThan(0);
    writeFileSync(
      csv,
      lines
        .map((l) => {
          if (!l.startsWith('pretrain-70b,')) return l;
          const cells = l.split(',');
          expect(cells[column]).toBe('');
          cells[column] = '3';
          return cells.join(',');
        })
        .join('\n'),
    );
    const none = await runBuiltCli(['analyze', csv, '--format', 'json', '--out', join(dir, 'none')]);
    const dflt = await runBuiltCli([
      'analyze',
      csv,
      '--scenario',
      DEFAULT,
      '--format',
      'json',
      '--out',
      join(dir, 'default'),
    ]);
    expect(none.code, none.stderr).toBe(0);
    expect(dflt.code, dflt.stderr).toBe(0);
    const totals = (d: string) => JSON.parse(readFileSync(join(dir, d, 'report.json'), 'utf8')).totals;
    expect(totals('default')).toEqual(totals('none'));
    expect(planLine(dflt.stdout)).toBe(planLine(none.stdout));

    const d = await runBuiltCli(['diff', DEFAULT, CRASH, '--workloads', csv, '--json']);
    expect(d.code, d.stderr).toBe(0);
    const diff = JSON.parse(d.stdout);
    const pretrain = diff.workloads.find((w: { id: string }) => w.id === 'pretrain-70b');
    expect(pretrain.status).toBe('same');
    expect(pretrain.horizonUsd.b).toBe(pretrain.horizonUsd.a);
    // The workloads that state no horizon run the scenario's 24 months.
    expect(diff.workloads.filter((w: { status: string }) => w.status === 'changed')).toHaveLength(5);
    const horizon = diff.settings.find((e: { setting: string }) => e.setting === 'horizonMonths');
    expect(horizon.message).toContain('pretrain-70b keeps the 3 months it states');
    expect(horizon.workloads).not.toContain('pretrain-70b');
  });

  it('diff of two result files says the workloads’ horizons, not the scenario header’s default', async () => {
    // Report A's workloads state 6 months and run on their own horizon (the default scenario leaves it to each
    // workload, its header still reads 12); report B's state none, under a scenario that sets 12 for every workload.
    // Before, the row read "12 → 12 months", and the doubled horizon total read as the scenario's cost, with no
    // average month.
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-horizons-'));
    const [header, ...rows] = readFileSync(join(DATASETS, 'workloads', 'seed-startup.csv'), 'utf8')
      .trim()
      .split('\n');
    const at = header!.split(',').indexOf('horizonMonths');
    const six = rows.map((r) =>
      r
        .split(',')
        .map((v, i) => (i === at ? '6' : v))
        .join(','),
    );
    const workloads = join(dir, 'six.csv');
    writeFileSync(workloads, `${[header, ...six].join('\n')}\n`);
    const twelve = join(dir, 'twelve.json');
    writeFileSync(
      twelve,
      JSON.stringify({ name: 'twelve months', startMonth: '2027-01', horizonMonths: 12 }),
    );
    for (const [out, input, extra] of [
      ['a', workloads, []],
      ['b', join(DATASETS, 'workloads', 'seed-startup.csv'), ['--scenario', twelve]],
    ] as const) {
      const r = await runBuiltCli([
        'analyze',
        input,
        ...extra,
        '--format',
        'json',
        '--trials',
        '200',
        '--out',
        join(dir, out),
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
    const d = await runBuiltCli(['diff', join(dir, 'a', 'report.json'), join(dir, 'b', 'report.json')]);
    expect(d.code, d.stderr).toBe(0);
    const label = 'horizon, recommended (6 → 12 months)';
    expect(d.stdout).toContain(label);
    const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));
    const horizon = diffRow(d.stdout, label);
    const average = diffRow(d.stdout, 'average a month over the horizon');
    expect(dollars(average[0]!)).toBeCloseTo(dollars(horizon[0]!) / 6, 1);
    expect(dollars(average[1]!)).toBeCloseTo(dollars(horizon[1]!) / 12, 1);
  });

  it('diff names the setting that moved a workload, and says why the others changed nothing', async () => {
    // subsidy-ends.json ends every network's subsidy. The bundled example's sweeps run on Nosana, whose catalog share
    // is 0 (no emissions to Nosana hosts are documented): ending it moves nothing, and diff says so.
    const bundled = await runBuiltCli(['diff', DEFAULT, join(DATASETS, 'scenarios', 'subsidy-ends.json')]);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stdout).toContain('No workload changed.');
    expect(bundled.stdout).toContain(
      'Subsidy for nosana ends from 2027-04 (month 4 of the horizon): the chosen nosana offers carry no subsidy share, so its schedule moves nothing',
    );
    // A team that expects a Nosana subsidy of 25 % (both scenarios say so) sees its end move the sweeps.
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-nosana25-'));
    const withNosanaShare = (file: string, nosana: object) => {
      const out = join(dir, basename(file));
      const scenario = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(out, JSON.stringify({ ...scenario, subsidies: { ...scenario.subsidies, nosana } }));
      return out;
    };
    const d = await runBuiltCli([
      'diff',
      withNosanaShare(DEFAULT, { kind: 'none', share: 0.25 }),
      withNosanaShare(join(DATASETS, 'scenarios', 'subsidy-ends.json'), {
        kind: 'step',
        share: 0.25,
        steps: [{ month: '2027-04', share: 0 }],
      }),
    ]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(
      /research-sweeps: same option \(decentralized nosana:[^)]*\), horizon \+\$[\d,.]+ — by Subsidy for nosana ends from 2027-04 \(month 4 of the horizon\)/,
    );
    expect(d.stdout).toContain('Settings that changed nothing:');
    expect(d.stdout).toContain(
      'Subsidy for akash ends from 2027-04 (month 4 of the horizon): no chosen offer is on akash',
    );
    expect(d.stdout).not.toContain('+$0.01');
  });

  it('diff names demand growth and the horizon for each inference workload of growth.json, the horizon alone for training', async () => {
    const d = await runBuiltCli(['diff', DEFAULT, GROWTH, '--json']);
    expect(d.code, d.stderr).toBe(0);
    const diff = JSON.parse(d.stdout);
    const changed = diff.workloads.filter((w: { status: string }) => w.status === 'changed');
    expect(changed.length).toBeGreaterThan(0);
    // The bundled example's chat-api and nightly-embeddings grow; the sweeps, the pretrain and the two fine-tunes
    // keep their size (schema's demandGrowthOf).
    const grows = new Set(['chat-api', 'nightly-embeddings']);
    expect(changed.map((w: { id: string }) => w.id).sort()).toEqual([
      'chat-api',
      'customer-lora',
      'eu-regulated-finetune',
      'nightly-embeddings',
      'pretrain-70b',
      'research-sweeps',
    ]);
    for (const w of changed as { id: string; causes: string[] }[])
      expect(w.causes).toEqual(
        grows.has(w.id) ? ['Horizon of 24 months', 'Demand growth 5 % a month'] : ['Horizon of 24 months'],
      );
  });

  it('diff names an interruption-rate multiplier for the workloads it moved (× 2 on the decentralized markets)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gpufit-irm-')), 'hosts-drop-twice.json');
    const base = JSON.parse(readFileSync(DEFAULT, 'utf8'));
    writeFileSync(
      file,
      JSON.stringify({ ...base, interruptionRateMultipliers: { marketplace: 2, depin: 2 } }),
    );
    const d = await runBuiltCli(['diff', DEFAULT, file, '--json']);
    expect(d.code, d.stderr).toBe(0);
    const diff = JSON.parse(d.stdout);
    const sweeps = diff.workloads.find((w: { id: string }) => w.id === 'research-sweeps');
    expect(sweeps.status).toBe('changed');
    // The sweeps run on Nosana's community hosts (depin), rerun from scratch when a host drops: twice the drops move
    // them to Nosana's premium hosts, since RunPod Community (a marketplace) drops twice as often too.
    expect(sweeps.causes).toEqual([
      'Interruption rate of depin offers × 2',
      'Interruption rate of marketplace offers × 2',
    ]);
    expect(diff.settings.map((e: { setting: string }) => e.setting)).toEqual([
      'interruptionRateMultipliers.depin',
      'interruptionRateMultipliers.marketplace',
    ]);
    const text = await runBuiltCli(['diff', DEFAULT, file]);
    expect(text.stdout).toContain(
      'research-sweeps: decentralized nosana:nvidia-4090-community-market-community:global:standard → decentralized nosana:nvidia-4090-market-premium:global:standard, monthly +$128.28',
    );
    expect(text.stdout).toContain(
      'by Interruption rate of depin offers × 2; Interruption rate of marketplace offers × 2',
    );
  });
});
