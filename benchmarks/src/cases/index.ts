import type { BenchCase } from './types.js';

interface CaseEntry {
  readonly name: string;
  readonly results: readonly string[];
  readonly load: () => Promise<BenchCase>;
}

/** Every case, in report order; each module is imported only in the child process that runs it. */
export const CASE_MODULES: readonly CaseEntry[] = [
  { name: 'csv-load', results: ['csv-load'], load: async () => (await import('./csvLoad.js')).csvLoad },
  {
    name: 'catalog-load',
    results: ['catalog-load', 'catalog-warm'],
    load: async () => (await import('./catalogLoad.js')).catalogLoad,
  },
  {
    name: 'score-object',
    results: ['score-object'],
    load: async () => (await import('./scoreObject.js')).scoreObject,
  },
  {
    name: 'score-batch',
    results: ['score-batch'],
    load: async () => (await import('./scoreBatch.js')).scoreBatch,
  },
  { name: 'match', results: ['match'], load: async () => (await import('./match.js')).match },
  {
    name: 'stream-200k',
    results: ['stream-200k', 'stream-rate'],
    load: async () => (await import('./stream200k.js')).stream200k,
  },
  {
    name: 'monte-carlo',
    results: ['monte-carlo', 'monte-carlo-2t'],
    load: async () => (await import('./monteCarlo.js')).monteCarlo,
  },
  { name: 'cli-start', results: ['cli-start'], load: async () => (await import('./cliStart.js')).cliStart },
  {
    name: 'analyze-example',
    results: ['analyze-example'],
    load: async () => (await import('./analyzeExample.js')).analyzeExample,
  },
  {
    name: 'offers-h100',
    results: ['offers-h100-cold', 'offers-h100-warm'],
    load: async () => (await import('./offersH100.js')).offersH100,
  },
  {
    name: 'analyze-per-workload',
    results: ['analyze-per-workload', 'analyze-memory'],
    load: async () => (await import('./analyzePerWorkload.js')).analyzePerWorkload,
  },
  { name: 'memory', results: ['memory'], load: async () => (await import('./memory.js')).memory },
  {
    name: 'shard',
    results: ['shard-bundled', 'shard-200k', 'shard-skip', 'shard-merge'],
    load: async () => (await import('./shard.js')).shard,
  },
];
