import { describe, expect, it } from 'vitest';
import { raiseTierUpBudget, TIER_UP_BUDGET } from '../src/cli/tierUpBudget.js';

describe('raiseTierUpBudget (V8 interrupt budget for the CLI)', () => {
  const run = (execArgv: string[]) => {
    const set: string[] = [];
    const done = raiseTierUpBudget(execArgv, (f) => set.push(f));
    return { done, set };
  };

  it('sets --interrupt-budget to 8× Node 20’s default when node was started without one', () => {
    expect(TIER_UP_BUDGET).toBe(8 * 67_584);
    expect(run([])).toEqual({ done: true, set: ['--interrupt-budget=540672'] });
    expect(run(['--enable-source-maps', '--heap-growing-percent=0'])).toEqual({
      done: true,
      set: ['--interrupt-budget=540672'],
    });
  });

  it('keeps a value the user gave on node’s command line (either spelling)', () => {
    expect(run(['--interrupt-budget=1000'])).toEqual({ done: false, set: [] });
    expect(run(['--trace-gc', '--interrupt_budget=2000'])).toEqual({ done: false, set: [] });
    expect(run(['--interrupt-budget', '3000'])).toEqual({ done: false, set: [] });
    // Other flags that merely start the same way are not the user's choice of this one.
    expect(run(['--interrupt-budget-for-feedback-allocation=5']).done).toBe(true);
    expect(run(['--interrupt-budget-factor-for-feedback-allocation=5']).done).toBe(true);
  });

  it('the flag it sets is one this node accepts (a misspelt flag would be ignored without a word)', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(out).toMatch(/^\s+--interrupt-budget \(/m);
  });
});
