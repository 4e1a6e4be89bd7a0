// A sharded run through the built CLI: shards as JSON Lines, `gpufit merge`, the bytes of one unsharded streamed
// run; and every way a set of shards can be wrong, refused with the file and line.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWorkloadCsv } from '../../../benchmarks/src/generate/workloads.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const DATE = ['--analysis-date', '2026-12-01'];

async function ok(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = await runBuiltCli(args, { cwd, env, timeoutMs: 180_000 });
  expect(run.stderr).not.toMatch(/error/i);
  expect(run.code).toBe(0);
  return run;
}

/** Shards 0..count-1 of `workloads` in `dir`, then the unsharded streamed report and the merged one. */
async function shardAndMerge(dir: string, workloads: string[], count: number) {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `shard-${i}.jsonl`;
    // One shard takes its index from the environment, as a Kubernetes indexed Job gives it.
    const shard = i === 1 ? `JOB_COMPLETION_INDEX/${count}` : `${i}/${count}`;
    await ok(['analyze', ...workloads, '--shard', shard, ...DATE, '--out', file], dir, {
      JOB_COMPLETION_INDEX: String(i),
    });
    files.push(file);
  }
  const whole = await ok(['analyze', ...workloads, '--stream', ...DATE, '--out', 'whole'], dir);
  const merged = await ok(['merge', ...files.reverse(), '--out', 'merged'], dir);
  return { files, whole, merged };
}

const read = (dir: string, path: string) => readFileSync(join(dir, path));

describe('gpufit analyze --shard and gpufit merge', () => {
  it('merges three shards of the bundled example into the unsharded run, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-shard-'));
    const { whole, merged } = await shardAndMerge(dir, [], 3);
    expect(read(dir, 'merged/report.json').equals(read(dir, 'whole/report.json'))).toBe(true);
    expect(read(dir, 'merged/report.csv').equals(read(dir, 'whole/report.csv'))).toBe(true);
    const totals = (s: string) => s.split('\n').find((l) => l.startsWith('Recommended plan'));
    expect(totals(merged.stdout)).toBe(totals(whole.stdout));
    expect(merged.stdout).toContain('Recommended plan: $51,983.97/month against $52,458.17 all-cloud');
    const md = read(dir, 'merged/report.md').toString();
    expect(md).toContain('| Monthly | $51,983.97 | $52,458.17 |');
    // The line adds up: the saving is the difference of the two shown totals (not a third total rounded alone).
    expect(merged.stdout).toContain('all-cloud — saves $474.20/month.');
    expect(md).toContain('Monthly savings: $474.20');
    expect(md).toContain('joint portfolio distribution');
    const totalsOnly = await ok(
      ['merge', 'shard-0.jsonl', 'shard-1.jsonl', 'shard-2.jsonl', '--format', 'md', '--out', 'md'],
      dir,
    );
    expect(totalsOnly.stdout).toContain('Recommended plan: $51,983.97/month');
    expect(readdirSync(join(dir, 'md'))).toEqual(['report.md']);
    expect(read(dir, 'md/report.md').toString()).toBe(md);
  });

  it('merges four shards of generated workloads with refused rows into the unsharded run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-shard-'));
    const path = join(dir, 'plan.csv');
    writeWorkloadCsv(path, 7, 300);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    // Two refused rows (a kind that does not exist), one of them the last record.
    const bad = (l: string) =>
      l.replace(
        /,(realtime-inference|batch-inference|experimentation|multi-node-training|fine-tuning),/,
        ',nope,',
      );
    lines.splice(50, 1, bad(lines[50]!));
    lines.push(bad(lines[10]!.replace(/^[^,]+/, 'extra')));
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { whole } = await shardAndMerge(dir, ['plan.csv'], 4);
    expect(whole.stdout).toMatch(/299 workloads \(301 rows read, 2 rejected\)/);
    expect(read(dir, 'merged/report.json').equals(read(dir, 'whole/report.json'))).toBe(true);
    expect(read(dir, 'merged/report.csv').equals(read(dir, 'whole/report.csv'))).toBe(true);
    const json = JSON.parse(read(dir, 'merged/report.json').toString());
    expect(json.rejected.map((r: { row: number }) => r.row)).toEqual([51, 302]);
    expect(json.totals.monthlyUsd.recommended).toBeGreaterThan(0);
  });

  it('merges a portfolio split into part files, each sharded, into the run over the whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-shard-'));
    writeWorkloadCsv(join(dir, 'plan.csv'), 11, 120);
    const [header, ...rows] = readFileSync(join(dir, 'plan.csv'), 'utf8').trimEnd().split('\n');
    // Three parts of 40, 50 and 30 rows; part 1 in two shards, the others in one and three.
    const cuts = [0, 40, 90, 120];
    const shardsOf = [1, 2, 3];
    const files: string[] = [];
    for (let p = 0; p < 3; p++) {
      writeFileSync(
        join(dir, `part-${p}.csv`),
        `${[header, ...rows.slice(cuts[p], cuts[p + 1])].join('\n')}\n`,
      );
      for (let i = 0; i < shardsOf[p]!; i++) {
        const file = `part-${p}-shard-${i}.jsonl`;
        await ok(
          [
            'analyze',
            `part-${p}.csv`,
            '--part',
            `PART/3`,
            '--shard',
            `${i}/${shardsOf[p]}`,
            ...DATE,
            '--out',
            file,
          ],
          dir,
          { PART: String(p) },
        );
        files.push(file);
      }
    }
    await ok(['analyze', 'plan.csv', '--stream', ...DATE, '--out', 'whole'], dir);
    const merged = await ok(['merge', ...files.reverse(), '--out', 'merged'], dir);
    expect(merged.stdout).toMatch(/Merged 6 shards of 3 parts: 120 workloads \(120 rows read, 0 rejected\)/);
    // No refused rows (they would name their part's file): the bytes of the run over the whole file.
    expect(read(dir, 'merged/report.json').equals(read(dir, 'whole/report.json'))).toBe(true);
    expect(read(dir, 'merged/report.csv').equals(read(dir, 'whole/report.csv'))).toBe(true);
    const run = await runBuiltCli(['merge', ...files.filter((f) => !f.startsWith('part-1')), '--out', 'm'], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/1 of 3 parts missing: 1/);
    const short = await runBuiltCli(
      ['merge', ...files.filter((f) => f !== 'part-2-shard-1.jsonl'), '--out', 'm'],
      {
        cwd: dir,
      },
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/1 of 3 shards of part 2 missing: 1/);
  });

  it('refuses shards that are not one complete, disjoint run, naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-shard-'));
    const shard = (spec: string, file: string, extra: string[] = DATE) =>
      ok(['analyze', '--shard', spec, ...extra, '--out', file], dir);
    await shard('0/2', 'a0.jsonl');
    await shard('1/2', 'a1.jsonl');
    await shard('1/2', 'late.jsonl', ['--analysis-date', '2026-12-02']);
    const refused = async (args: string[], message: RegExp) => {
      const run = await runBuiltCli(args, { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    };
    await refused(['merge', 'a0.jsonl', '--out', 'm'], /1 of 2 shards missing: 1 \(1 files given\)/);
    await refused(
      ['merge', 'a0.jsonl', 'a1.jsonl', 'a1.jsonl', '--out', 'm'],
      /a1\.jsonl and a1\.jsonl are both shard 1 of 2/,
    );
    await refused(
      ['merge', 'a0.jsonl', 'late.jsonl', '--out', 'm'],
      /late\.jsonl and a0\.jsonl are not shards of one run: their scenario \(digest\) differ/,
    );
    const [header, ...rest] = readFileSync(join(dir, 'a1.jsonl'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'cut.jsonl'), `${[header, ...rest.slice(0, -1)].join('\n')}\n`);
    await refused(
      ['merge', 'a0.jsonl', 'cut.jsonl', '--out', 'm'],
      /cut\.jsonl: ends at line 4 without its footer: shard 1 of 2 was cut short/,
    );
    writeFileSync(join(dir, 'swapped.jsonl'), `${[header, rest[1], rest[0], ...rest.slice(2)].join('\n')}\n`);
    await refused(
      ['merge', 'a0.jsonl', 'swapped.jsonl', '--out', 'm'],
      /swapped\.jsonl, line 2: record 3 where record 1 was expected/,
    );
    writeFileSync(join(dir, 'after.jsonl'), `${[header, ...rest, rest[0]].join('\n')}\n`);
    await refused(
      ['merge', 'a0.jsonl', 'after.jsonl', '--out', 'm'],
      /after\.jsonl, line 6: a line after the footer/,
    );
    writeFileSync(
      join(dir, 'broken.jsonl'),
      `${[header, rest[0]!.replace('"recommendedMonthlyUsd":', '"recommendedMonthlyUsd":"x",'), ...rest.slice(1)].join('\n')}\n`,
    );
    await refused(
      ['merge', 'a0.jsonl', 'broken.jsonl', '--out', 'm'],
      /broken\.jsonl, line 2: not JSON|broken\.jsonl, line 2: the workload result is not valid/,
    );
    // The rows a line carries are copied into report.csv: rows of another workload are refused.
    const [first, second] = [JSON.parse(rest[0]!), JSON.parse(rest[1]!)];
    expect([typeof first.csv, typeof second.csv, first.workload.id === second.workload.id]).toEqual([
      'string',
      'string',
      false,
    ]);
    writeFileSync(
      join(dir, 'rows.jsonl'),
      `${[header, JSON.stringify({ ...first, csv: second.csv }), ...rest.slice(1)].join('\n')}\n`,
    );
    await refused(
      ['merge', 'a0.jsonl', 'rows.jsonl', '--out', 'm'],
      /rows\.jsonl, line 2: "csv" must hold the workload's report\.csv rows/,
    );
    const { csv: _rows, ...v1Line } = first;
    writeFileSync(
      join(dir, 'v1.jsonl'),
      `${[header!.replace('"version":2,', '"version":1,'), JSON.stringify(v1Line), ...rest.slice(1)].join('\n')}\n`,
    );
    await refused(
      ['merge', 'a0.jsonl', 'v1.jsonl', '--out', 'm'],
      /v1\.jsonl, line 1: shard format version 1; this gpufit reads version 2/,
    );
    const footer = JSON.parse(rest.at(-1)!);
    delete footer.offerRejections;
    writeFileSync(
      join(dir, 'footless.jsonl'),
      `${[header, ...rest.slice(0, -1), JSON.stringify(footer)].join('\n')}\n`,
    );
    await refused(
      ['merge', 'a0.jsonl', 'footless.jsonl', '--out', 'm'],
      /footless\.jsonl, line 5: the footer lacks a field/,
    );
    writeFileSync(join(dir, 'other.jsonl'), '{"hello":1}\n');
    await refused(['merge', 'other.jsonl', '--out', 'm'], /other\.jsonl, line 1: not a gpufit shard/);
    await refused(
      ['merge', 'a0.jsonl', 'a1.jsonl', '--format', 'html'],
      /"html" is not one of json, csv, md/,
    );
    await refused(['analyze', '--shard', '2/2', '--out', 'x.jsonl'], /INDEX 2 must be below COUNT 2/);
    await refused(
      ['analyze', '--shard', 'NO_SUCH_INDEX_VAR/2', '--out', 'x.jsonl'],
      /environment variable NO_SUCH_INDEX_VAR is not set/,
    );
    await refused(['analyze', '--shard', '0/2', '--format', 'md'], /--format md cannot carry them/);
  });
});
