/**
 * Engine-free frame-budget watch: while the scene renders continuously (a flight, the tour), it
 * averages frame times; once a full window runs over budget it reports, once, so the scene can
 * drop an optional cost (shadows). Pauses between renders (request-render mode) are not frames.
 */

/** Options of the watch. */
export interface FrameBudgetOptions {
  /** Frame time the wall must hold, ms (e.g. 40 ms for 25 fps). */
  budgetMs: number;
  /** Frames averaged before judging. */
  windowFrames: number;
  /** A gap longer than this between two renders means the scene was idle, not slow. */
  idleGapMs: number;
  /** Called once when a full window averages over budget. */
  onOverBudget: (averageMs: number) => void;
}

/** A frame-budget watch; call `frame(now)` after every render. */
export interface FrameBudget {
  frame(nowMs: number): void;
  /** True once the budget was reported broken. */
  tripped(): boolean;
}

/** Creates the watch. */
export function createFrameBudget(options: FrameBudgetOptions): FrameBudget {
  let last: number | null = null;
  let sum = 0;
  let count = 0;
  let tripped = false;
  return {
    frame(nowMs) {
      if (tripped) return;
      const previous = last;
      last = nowMs;
      if (previous === null) return;
      const delta = nowMs - previous;
      if (delta > options.idleGapMs) {
        sum = 0;
        count = 0;
        return;
      }
      sum += delta;
      count++;
      if (count < options.windowFrames) return;
      const average = sum / count;
      sum = 0;
      count = 0;
      if (average > options.budgetMs) {
        tripped = true;
        options.onOverBudget(average);
      }
    },
    tripped: () => tripped,
  };
}
