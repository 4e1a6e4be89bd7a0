import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { assessFit, canonicalProfile } from '../src/index.js';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('@gpufit/scoring in a browser', () => {
  it('bundles for the browser with no Node built-in and runs where no Node global exists', async () => {
    const result = await build({
      entryPoints: [entry],
      platform: 'browser',
      bundle: true,
      conditions: ['@gpufit/source'],
      format: 'iife',
      globalName: 'gpufitScoring',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/\brequire\(/);

    // A fresh realm with only the language built-ins: no process, require, Buffer, module or fetch.
    const sandbox: Record<string, unknown> = {};
    runInNewContext(`${code}\nglobalThis.gpufitScoring = gpufitScoring;`, sandbox, { timeout: 5000 });
    expect(runInNewContext('typeof process + typeof require + typeof Buffer', sandbox)).toBe(
      'undefinedundefinedundefined',
    );
    const api = sandbox.gpufitScoring as {
      assessFit: typeof assessFit;
      canonicalProfile: typeof canonicalProfile;
    };
    for (const kind of ['batch-inference', 'multi-node-training'] as const) {
      const inBrowser = api.assessFit(api.canonicalProfile(kind));
      // Bit-identical to the Node result: same numbers, same sentences.
      expect(JSON.stringify(inBrowser)).toBe(JSON.stringify(assessFit(canonicalProfile(kind))));
    }
  });
});
