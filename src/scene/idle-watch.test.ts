import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleWatch } from './idle-watch';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createIdleWatch', () => {
  it('goes idle after the quiet period and active at the next input', () => {
    const events: string[] = [];
    const watch = createIdleWatch(1_000, { onIdle: () => events.push('idle'), onActive: () => events.push('active') });
    vi.advanceTimersByTime(999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['idle']);
    watch.poke();
    expect(events).toEqual(['idle', 'active']);
    watch.dispose();
  });

  it('restarts the quiet period on every input', () => {
    const onIdle = vi.fn();
    const watch = createIdleWatch(1_000, { onIdle, onActive: () => undefined });
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(800);
      watch.poke();
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    watch.dispose();
  });

  it('does not report active for input while already active', () => {
    const onActive = vi.fn();
    const watch = createIdleWatch(1_000, { onIdle: () => undefined, onActive });
    watch.poke();
    watch.poke();
    expect(onActive).not.toHaveBeenCalled();
    watch.dispose();
  });

  it('leaves no timer behind after dispose', () => {
    const watch = createIdleWatch(1_000, { onIdle: () => undefined, onActive: () => undefined });
    watch.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
