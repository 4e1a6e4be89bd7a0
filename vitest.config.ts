import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@gpufit/source` export condition,
// so tests run without a build. The JSON reporter's file is what `.ci/run` counts.
export default defineConfig({
  resolve: { conditions: ['@gpufit/source'] },
  ssr: { resolve: { conditions: ['@gpufit/source'] } },
  test: {
    globalSetup: ['./vitest.globalSetup.ts'],
    setupFiles: ['./vitest.setup.ts'],
    include: ['packages/*/test/**/*.test.ts', 'benchmarks/test/**/*.test.ts', 'tools/*/test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
