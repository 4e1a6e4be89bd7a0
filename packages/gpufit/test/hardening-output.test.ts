// Outputs are atomic and contained (issue 16, items 3, 5, 6, 7), end to end through the built CLI: a report set
// replaces its folder whole (staged next to it, moved into place), so a killed, failed or concurrent run never
// leaves a partial or mixed set; links, devices and files not gpufit's in the output folder are refused, never
// followed or deleted; every write error is exit 1 or 2 with the path; chart PNGs do not depend on the locale.
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, type CliRun, runBuiltCli } from './support/runBuiltCli.js';

const FAST = ['--trials', '200', '--seed', '1'];
const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'datasets', 'workloads', 'seed-startup.csv');
const CATALOG = join(import.meta.dirname, '..', '..', '..', 'datasets', 'offers.csv');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'gpufit-output-'));
}

/** Every file under `dir` (relative path → bytes); links and other non-files are listed with a marker. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  entries.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name), 'en'));
  for (const e of entries) {
    const path = join(e.parentPath, e.name);
    const rel = path.slice(dir.length + 1);
    if (e.isFile()) files.set(rel, readFileSync(path).toString('base64'));
    else if (!e.isDirectory()) files.set(rel, '<not a file>');
  }
  return files;
}

/** Names gpufit's temporary files and folders carry (`.NAME.gpufit-<kind>-<pid>-<random>`). */
function leftovers(parent: string): string[] {
  return readdirSync(parent).filter((n) => n.includes('.gpufit-'));
}

function failsWith(run: CliRun, code: 1 | 2, message: RegExp): void {
  expect(run.timedOut).toBe(false);
  expect(run.stderr).not.toMatch(/internal error|This is a bug/);
  expect(run.stderr).toMatch(message);
  expect(run.code, run.stderr).toBe(code);
}

interface Spawned {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/**
 * Starts the built CLI with stdout on `stdout` (a file descriptor, or 'pipe' read by `onStdout`), and calls
 * `whenReady` every 5 ms until it returns a signal to send.
 */
function spawnCli(
  args: readonly string[],
  options: {
    cwd: string;
    stdout?: number | 'ignore';
    whenReady?: () => NodeJS.Signals | null;
    onStdout?: (chunk: Buffer, stop: () => void) => void;
  },
): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', options.onStdout ? 'pipe' : (options.stdout ?? 'ignore'), 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.stdout?.on('data', (c: Buffer) => options.onStdout?.(c, () => child.stdout?.destroy()));
    const timer = options.whenReady
      ? setInterval(() => {
          const signal = options.whenReady?.();
          if (signal) {
            clearInterval(timer);
            child.kill(signal);
          }
        }, 5)
      : undefined;
    const hardStop = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      clearTimeout(hardStop);
      resolve({ code, signal, stderr });
    });
  });
}

describe('stdout that cannot be written', () => {
  it('`offers > /dev/full` (ENOSPC) is exit 1 with a message, not a crash past the handler', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = await spawnCli(['offers'], { cwd: scratch(), stdout: full });
      expect(run.stderr).not.toMatch(/internal error|at .*cli\.mjs|throw error/);
      expect(run.stderr).toMatch(/^error: stdout: cannot write: no space left on the device \(ENOSPC\)\n$/);
      expect(run.code).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it('`analyze --format json > /dev/full` and `catalog merge > /dev/full` are exit 1 too', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['analyze', '--format', 'json', ...FAST],
        ['catalog', 'merge', CATALOG],
      ]) {
        const run = await spawnCli(args, { cwd: scratch(), stdout: full });
        expect(run.stderr, args.join(' ')).toMatch(/error: stdout: cannot write: .*ENOSPC/);
        expect(run.stderr).not.toMatch(/internal error/);
        expect(run.code).toBe(1);
      }
    } finally {
      closeSync(full);
    }
  });

  it('`offers | head -1` (EPIPE) ends quietly with exit 0', async () => {
    let seen = 0;
    const run = await spawnCli(['offers', '--all-regions', '--limit', '100000'], {
      cwd: scratch(),
      onStdout: (chunk, stop) => {
        seen += chunk.length;
        stop();
      },
    });
    expect(seen).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('a stderr that cannot be written (`validate bad.csv 2>/dev/full`) still exits with its code', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.csv'), 'id,kind,gpuHoursPerMonth\nx,batch,10\n');
    const full = openSync('/dev/full', 'w');
    try {
      const run = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'validate', 'bad.csv'], {
          cwd: dir,
          stdio: ['ignore', 'ignore', full],
        });
        child.on('close', (code) => resolve(code));
      });
      expect(run).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});

describe('the output folder: refused, never followed, never emptied of what is not gpufit’s', () => {
  it('--out naming an existing file is exit 2 with the path, and the file is untouched', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes'), 'mine');
    failsWith(await runBuiltCli(['analyze', '--out', 'notes', ...FAST], { cwd: dir }), 2, /notes: is a file/);
    expect(readFileSync(join(dir, 'notes'), 'utf8')).toBe('mine');
  });

  it('a planted DIR/report.md → /elsewhere is refused, and /elsewhere is not overwritten', async () => {
    const dir = scratch();
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, 'precious');
    mkdirSync(join(dir, 'out'));
    symlinkSync(elsewhere, join(dir, 'out', 'report.md'));
    const run = await runBuiltCli(['analyze', '--out', 'out', ...FAST], { cwd: dir });
    failsWith(
      run,
      2,
      /out\/report\.md: is a symbolic link where gpufit writes a file; gpufit never follows links/,
    );
    expect(readFileSync(elsewhere, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'out', 'report.md')).isSymbolicLink()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a hard link DIR/report.md to another file is replaced, never written through', async () => {
    const dir = scratch();
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, 'precious');
    mkdirSync(join(dir, 'out'));
    linkSync(elsewhere, join(dir, 'out', 'report.md'));
    const run = await runBuiltCli(['analyze', '--out', 'out', '--format', 'md', ...FAST], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'out', 'report.md'), 'utf8')).toMatch(/^# /);
  });

  it.each([
    [
      'a `charts` file',
      (out: string) => writeFileSync(join(out, 'charts'), ''),
      /out\/charts: is a file where gpufit writes a folder/,
    ],
    [
      'a `report.html` folder',
      (out: string) => mkdirSync(join(out, 'report.html')),
      /out\/report\.html: is a folder where gpufit writes a file/,
    ],
    [
      'a link in charts/',
      (out: string) => {
        mkdirSync(join(out, 'charts'));
        symlinkSync('/etc/hostname', join(out, 'charts', 'cost-per-job.png'));
      },
      /out\/charts\/cost-per-job\.png: is a symbolic link/,
    ],
    [
      'a named pipe as report.csv',
      (out: string) => {
        execFileSync('mkfifo', [join(out, 'report.csv')]);
      },
      /out\/report\.csv: is a device, pipe or socket where gpufit writes a file/,
    ],
    [
      'a file of the user’s',
      (out: string) => writeFileSync(join(out, 'budget.xlsx'), 'x'),
      /out\/budget\.xlsx: was not written by gpufit/,
    ],
  ])(
    '%s inside the output folder is exit 2 with its path, and nothing is changed',
    async (_, plant, message) => {
      const dir = scratch();
      const out = join(dir, 'out');
      mkdirSync(out);
      plant(out);
      const before = snapshot(out);
      failsWith(
        await runBuiltCli(['analyze', '--out', 'out', ...FAST], { cwd: dir, timeoutMs: 90_000 }),
        2,
        message,
      );
      expect(snapshot(out)).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
    },
  );

  it('--out . in a folder holding other files is refused: nothing is deleted', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'plan.csv'), readFileSync(EXAMPLE));
    const run = await runBuiltCli(['analyze', 'plan.csv', '--out', '.', ...FAST], { cwd: dir });
    failsWith(run, 2, /plan\.csv: was not written by gpufit/);
    expect(readdirSync(dir)).toEqual(['plan.csv']);
  });

  it('--out naming a symbolic link to a folder is refused; the folder it points to is untouched', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    failsWith(
      await runBuiltCli(['analyze', '--out', 'link', ...FAST], { cwd: dir }),
      2,
      /link: is a symbolic link/,
    );
    expect(readdirSync(join(dir, 'real'))).toEqual([]);
  });

  it('a path through a file (ENOTDIR) is exit 2; a folder the system refuses (EPERM/EACCES, even to root) is exit 1', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'f'), '');
    failsWith(
      await runBuiltCli(['analyze', '--out', 'f/sub', ...FAST], { cwd: dir }),
      2,
      /f\/sub: cannot write: a part of the path is not a folder \(ENOTDIR\)/,
    );
    // sysfs accepts no new files or folders, whoever asks: a permission error that holds when tests run as root.
    failsWith(
      await runBuiltCli(['analyze', '--out', '/sys/gpufit-test', ...FAST], { cwd: dir }),
      1,
      /\/sys\/gpufit-test: cannot write: .*\((EPERM|EACCES)\)/,
    );
    failsWith(
      await runBuiltCli(['catalog', 'merge', CATALOG, '--out', '/sys/gpufit-test.csv'], { cwd: dir }),
      1,
      /\/sys\/gpufit-test\.csv: cannot write: .*\((EPERM|EACCES)\)/,
    );
  });

  it('import and catalog merge: a link, a folder or a device as --out is exit 2, and a link target is untouched', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'elsewhere.txt'), 'precious');
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'offers.csv'));
    mkdirSync(join(dir, 'folder'));
    const merge = (out: string) => runBuiltCli(['catalog', 'merge', CATALOG, '--out', out], { cwd: dir });
    failsWith(
      await merge('offers.csv'),
      2,
      /offers\.csv: is a symbolic link; gpufit does not write through links/,
    );
    failsWith(await merge('folder'), 2, /folder: is a folder/);
    failsWith(await merge('/dev/full'), 2, /\/dev\/full: is not a regular file/);
    expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('precious');
    const vast = join(import.meta.dirname, 'fixtures', 'import', 'vast-offers.json');
    const run = await runBuiltCli(['import', 'vast', vast, '--as-of', '2026-01-01', '--out', 'offers.csv'], {
      cwd: dir,
    });
    failsWith(run, 2, /offers\.csv: is a symbolic link/);
    expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('precious');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a report set replaces its folder whole', () => {
  it('a second run leaves only its own files: the charts of the first are gone', async () => {
    const dir = scratch();
    expect((await runBuiltCli(['analyze', '--out', 'out', ...FAST], { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, 'out', 'charts')).length).toBeGreaterThanOrEqual(5);
    const run = await runBuiltCli(['analyze', '--out', 'out/', '--format', 'md', ...FAST], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.md']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a streamed run that fails (missing workloads file, a plan priced on no offer) leaves the earlier set whole', {
    timeout: 120_000,
  }, async () => {
    const dir = scratch();
    const first = await runBuiltCli(['analyze', EXAMPLE, '--stream', '--out', 'out', ...FAST], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(join(dir, 'out'));
    expect([...before.keys()].sort()).toEqual(['report.csv', 'report.json']);
    failsWith(
      await runBuiltCli(['analyze', 'missing.csv', '--stream', '--out', 'out', ...FAST], { cwd: dir }),
      2,
      /missing\.csv/,
    );
    writeFileSync(join(dir, 'free.json'), JSON.stringify({ priceAdjustments: [{ expression: '-price' }] }));
    failsWith(
      await runBuiltCli(
        ['analyze', EXAMPLE, '--stream', '--scenario', 'free.json', '--out', 'out', ...FAST],
        {
          cwd: dir,
        },
      ),
      2,
      /no workload could be priced/,
    );
    expect(snapshot(join(dir, 'out'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('import and merge --out replace an earlier file whole, leaving no temporary file', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'merged.csv'), 'old');
    const toStdout = await runBuiltCli(['catalog', 'merge', CATALOG], { cwd: dir });
    const run = await runBuiltCli(['catalog', 'merge', CATALOG, '--out', 'merged.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(toStdout.stdout.length).toBeGreaterThan(1000);
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8') === toStdout.stdout).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s while the report set is written: the earlier set stays whole, no partial file, no staging folder',
    { timeout: 240_000 },
    async (signal) => {
      const dir = scratch();
      expect(
        (await runBuiltCli(['analyze', '--out', 'out', '--trials', '200', '--seed', '2'], { cwd: dir })).code,
      ).toBe(0);
      const before = snapshot(join(dir, 'out'));
      // Killed the moment the staging folder appears: the analysis is done and the files are being written.
      const run = await spawnCli(['analyze', '--out', 'out', ...FAST], {
        cwd: dir,
        whenReady: () => (leftovers(dir).length > 0 ? signal : null),
      });
      expect(run.signal).toBe(signal);
      expect(snapshot(join(dir, 'out'))).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
    },
  );

  it('SIGTERM during a streamed analysis: the earlier report stays whole and the growing files are removed', {
    timeout: 240_000,
  }, async () => {
    const dir = scratch();
    const [header, ...rows] = readFileSync(EXAMPLE, 'utf8').trim().split('\n');
    const big = [
      header,
      ...Array.from({ length: 3000 }, (_, i) => {
        const row = rows[i % rows.length] ?? '';
        return `w${i}${row.slice(row.indexOf(','))}`;
      }),
    ].join('\n');
    writeFileSync(join(dir, 'big.csv'), `${big}\n`);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'report.json'), '{"earlier": true}');
    let sawPartial = false;
    const run = await spawnCli(['analyze', 'big.csv', '--stream', '--out', 'out'], {
      cwd: dir,
      whenReady: () => {
        const staging = leftovers(dir)[0];
        if (staging === undefined) return null;
        const json = join(dir, staging, 'report.json');
        try {
          sawPartial = lstatSync(json).size > 0;
        } catch {
          return null;
        }
        return sawPartial ? 'SIGTERM' : null;
      },
    });
    expect(sawPartial).toBe(true);
    expect(run.signal).toBe('SIGTERM');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
    expect(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).toBe('{"earlier": true}');
    expect(leftovers(dir)).toEqual([]);
  });

  it('SIGKILL cannot be caught: the folder still holds the earlier set, and a later run removes the stale staging folder', {
    timeout: 240_000,
  }, async () => {
    const dir = scratch();
    expect(
      (await runBuiltCli(['analyze', '--out', 'out', '--format', 'md', ...FAST], { cwd: dir })).code,
    ).toBe(0);
    const before = snapshot(join(dir, 'out'));
    const run = await spawnCli(['analyze', '--out', 'out', ...FAST], {
      cwd: dir,
      whenReady: () => (leftovers(dir).length > 0 ? 'SIGKILL' : null),
    });
    expect(run.signal).toBe('SIGKILL');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
    const [stale] = leftovers(dir);
    expect(stale).toMatch(/^\.out\.gpufit-staging-\d+-[0-9a-f]+$/);
    // A leftover of a live process, or a recent one, is never touched (it may be another run's); an hour-old
    // one of a process that is gone is.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(dir, stale ?? ''), old, old);
    expect(
      (await runBuiltCli(['analyze', '--out', 'out', '--format', 'md', ...FAST], { cwd: dir })).code,
    ).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it('concurrent runs with the same --out never mix their files: the folder is one run’s set, whole', {
    timeout: 300_000,
  }, async () => {
    const dir = scratch();
    const argsA = ['analyze', '--out', 'out', '--trials', '200', '--seed', '3'];
    const argsB = ['analyze', '--out', 'out', '--trials', '300', '--seed', '4', '--format', 'md'];
    // Each run's set on its own, to compare with.
    const refs = [scratch(), scratch()] as const;
    expect((await runBuiltCli(argsA, { cwd: refs[0] })).code).toBe(0);
    expect((await runBuiltCli(argsB, { cwd: refs[1] })).code).toBe(0);
    const sets = refs.map((r) => snapshot(join(r, 'out')));
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([
        runBuiltCli(argsA, { cwd: dir }),
        runBuiltCli(argsB, { cwd: dir }),
        runBuiltCli(argsA, { cwd: dir }),
      ]);
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const now = snapshot(join(dir, 'out'));
      expect(
        sets.some((s) => JSON.stringify([...s]) === JSON.stringify([...now])),
        `round ${round}`,
      ).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    }
  });
});

describe('chart PNGs do not depend on the locale or the time zone', () => {
  const ENVS = [
    { LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' },
    { LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8' },
    { LC_ALL: 'ar_EG.UTF-8', LANG: 'ar_EG.UTF-8' },
    { TZ: 'Asia/Kathmandu' },
  ];

  it('Node takes its default locale from LC_ALL, so these runs would show a locale-dependent label', async () => {
    const locale = (env: Record<string, string>) =>
      execFileSync(process.execPath, ['-e', 'process.stdout.write((12345.6).toLocaleString())'], {
        env: { ...process.env, ...env },
      }).toString();
    expect(locale({ LC_ALL: 'en_US.UTF-8' })).toBe('12,345.6');
    expect(locale({ LC_ALL: 'de_DE.UTF-8' })).toBe('12.345,6');
    expect(locale({ LC_ALL: 'ar_EG.UTF-8' })).not.toBe('12,345.6');
  });

  it('the same analysis gives byte-identical PNGs under de_DE, tr_TR, ar_EG and Asia/Kathmandu', {
    timeout: 300_000,
  }, async () => {
    const render = async (env: Record<string, string>) => {
      const dir = scratch();
      const run = await runBuiltCli(['analyze', '--format', 'png', '--out', 'out', ...FAST], {
        cwd: dir,
        env: { LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8', TZ: 'UTC', ...env },
      });
      expect(run.code, run.stderr).toBe(0);
      return snapshot(join(dir, 'out'));
    };
    const reference = await render({});
    expect([...reference.keys()].filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(5);
    for (const env of ENVS) {
      const other = await render(env);
      expect([...other.keys()]).toEqual([...reference.keys()]);
      for (const [file, bytes] of reference)
        expect(other.get(file) === bytes, `${JSON.stringify(env)} ${file}`).toBe(true);
    }
  });
});
