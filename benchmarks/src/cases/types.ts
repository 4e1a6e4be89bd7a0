import type { BenchResult } from '../harness/result.js';

export interface CaseContext {
  /** Smaller inputs and a single run: checks the harness, not the figures. */
  readonly quick: boolean;
  /** A fresh temporary directory for this case's generated files (removed afterwards). */
  readonly tmpDir: string;
}

export interface BenchCase {
  readonly name: string;
  /** Names of the results this case reports (usually just its own name). */
  readonly results: readonly string[];
  /** One line for `--list` and the README: what is measured against what. */
  readonly summary: string;
  readonly run: (ctx: CaseContext) => Promise<BenchResult[]>;
}
