// Writers under failure: a disk that fills (ENOSPC) or refuses (EACCES) part-way through a write. Such faults
// cannot be made to order in a test folder, so the file system's writeFile is made to fail on a chosen file; the
// promise under test is that the earlier output is left whole, nothing temporary remains, and the error names
// the path as the user knows it with the right exit code.
import { mkdtemp, readdir, readFile, writeFile as realWriteFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAnalysis } from '../../report/test/fixtures/analysis.js';
import { OutputError } from '../src/output/outputError.js';
import { removeStaleTemporaries } from '../src/output/staleTemporaries.js';
import { writeFileAtomic } from '../src/output/writeFileAtomic.js';
import { writeReportSet } from '../src/render/writeReport.js';

const failing = vi.hoisted(() => ({ name: '', code: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof fs.writeFile = async (file, data, options) => {
    if (failing.name !== '' && String(file).includes(failing.name)) {
      // Half the bytes reach the disk before it is full, as on a real device.
      await fs.writeFile(file, String(data).slice(0, 10), options);
      throw Object.assign(new Error(`${failing.code}: simulated, write`), {
        code: failing.code,
        syscall: 'write',
      });
    }
    return fs.writeFile(file, data, options);
  };
  return { ...fs, writeFile };
});

beforeEach(() => {
  failing.name = '';
  failing.code = '';
});

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('writeReportSet when a write fails part-way', () => {
  it.each([
    ['ENOSPC', 'report.html', 1],
    ['EDQUOT', 'charts/cost-per-job.png', 1],
    ['EACCES', 'report.csv', 1],
  ] as const)(
    '%s on %s: the earlier set stays whole, no staging folder remains, exit %i names the file',
    async (code, name, exitCode) => {
      const parent = await mkdtemp(join(tmpdir(), 'gpufit-atomic-'));
      const dir = join(parent, 'out');
      await writeReportSet(buildAnalysis(), dir, ['md', 'csv']);
      const before = await readFile(join(dir, 'report.md'));
      failing.name = name;
      failing.code = code;
      const error = await writeReportSet(buildAnalysis(), dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputError);
      expect((error as OutputError).exitCode).toBe(exitCode);
      expect((error as OutputError).message).toContain(`${join(dir, name)}: cannot write:`);
      expect((error as OutputError).message).toContain(`(${code})`);
      expect(await listing(dir)).toEqual(['report.csv', 'report.md']);
      expect((await readFile(join(dir, 'report.md'))).equals(before)).toBe(true);
      expect(await readdir(parent)).toEqual(['out']);
    },
  );

  it('a failure on the first run leaves no folder at all', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'gpufit-atomic-'));
    failing.name = 'report.json';
    failing.code = 'ENOSPC';
    await expect(writeReportSet(buildAnalysis(), join(parent, 'out'))).rejects.toThrow(/ENOSPC/);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('ENOSPC part-way: the earlier file is unchanged and no temporary file remains', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'gpufit-atomic-'));
    const path = join(parent, 'offers.csv');
    await writeFileAtomic(path, 'id\nfirst\n');
    // gpufit's temporary files are named `.offers.csv.gpufit-write-<pid>-<random>`.
    failing.name = '.gpufit-write-';
    failing.code = 'ENOSPC';
    const error = await writeFileAtomic(path, 'id\nsecond\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).message).toBe(
      `${path}: cannot write: no space left on the device (ENOSPC)`,
    );
    expect((error as OutputError).exitCode).toBe(1);
    expect(await readFile(path, 'utf8')).toBe('id\nfirst\n');
    expect(await readdir(parent)).toEqual(['offers.csv']);
  });
});

describe('removeStaleTemporaries', () => {
  it('removes an hour-old leftover of a process that is gone, and keeps recent ones and live processes’', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'gpufit-atomic-'));
    const target = join(parent, 'offers.csv');
    const dead = join(parent, `.offers.csv.gpufit-write-999999999-0badcafe`);
    const recent = join(parent, `.offers.csv.gpufit-write-999999998-0badcafe`);
    const live = join(parent, `.offers.csv.gpufit-write-${process.ppid}-0badcafe`);
    const unrelated = join(parent, '.offers.csv.bak');
    for (const p of [dead, recent, live, unrelated]) await realWriteFile(p, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const p of [dead, live, unrelated]) await utimes(p, old, old);
    await removeStaleTemporaries(target);
    expect((await readdir(parent)).sort()).toEqual(
      [
        '.offers.csv.bak',
        `.offers.csv.gpufit-write-${process.ppid}-0badcafe`,
        '.offers.csv.gpufit-write-999999998-0badcafe',
      ].sort(),
    );
  });
});
