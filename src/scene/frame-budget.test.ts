import { describe, expect, it, vi } from 'vitest';
import { createFrameBudget } from './frame-budget';

const options = { budgetMs: 40, windowFrames: 10, idleGapMs: 500 };

function run(budget: ReturnType<typeof createFrameBudget>, start: number, frames: number, stepMs: number): number {
  let t = start;
  for (let i = 0; i < frames; i++) budget.frame((t += stepMs));
  return t;
}

describe('createFrameBudget', () => {
  it('reports once when continuous frames run over budget', () => {
    const onOverBudget = vi.fn();
    const budget = createFrameBudget({ ...options, onOverBudget });
    run(budget, 0, 40, 100);
    expect(onOverBudget).toHaveBeenCalledTimes(1);
    expect(onOverBudget.mock.calls[0]![0]).toBeCloseTo(100);
    expect(budget.tripped()).toBe(true);
  });

  it('stays quiet while frames hold the budget', () => {
    const onOverBudget = vi.fn();
    run(createFrameBudget({ ...options, onOverBudget }), 0, 100, 16);
    expect(onOverBudget).not.toHaveBeenCalled();
  });

  it('does not count idle gaps of request-render mode as slow frames', () => {
    const onOverBudget = vi.fn();
    const budget = createFrameBudget({ ...options, onOverBudget });
    let t = 0;
    for (let i = 0; i < 50; i++) {
      t = run(budget, t, 3, 16);
      t += 2_000; // nothing moved for two seconds
    }
    expect(onOverBudget).not.toHaveBeenCalled();
  });
});
