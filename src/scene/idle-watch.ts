/** Engine-free idle detection: "idle" after a quiet period, "active" at the first input after it. */

/** Timer functions, injectable for tests. */
export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** An idle watch; call `poke()` on every input. */
export interface IdleWatch {
  /** Records an input: restarts the quiet period and ends idleness. */
  poke(): void;
  /** True while idle. */
  isIdle(): boolean;
  /** Stops the timer. */
  dispose(): void;
}

/** Starts watching; `onIdle` fires after `idleMs` without a poke, `onActive` at the first poke after that. */
export function createIdleWatch(
  idleMs: number,
  handlers: { onIdle: () => void; onActive: () => void },
  timers: Timers = { setTimeout: (c, ms) => globalThis.setTimeout(c, ms), clearTimeout: (h) => globalThis.clearTimeout(h as number) },
): IdleWatch {
  let idle = false;
  let handle: unknown = null;
  let disposed = false;
  const arm = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = null;
      if (disposed) return;
      idle = true;
      handlers.onIdle();
    }, idleMs);
  };
  arm();
  return {
    poke() {
      if (disposed) return;
      if (idle) {
        idle = false;
        handlers.onActive();
      }
      arm();
    },
    isIdle: () => idle,
    dispose() {
      disposed = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}
