import { describe, expect, it } from 'vitest';
import { CityClock } from './city-clock';

function fakeNow(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('CityClock', () => {
  it('advances sim time at the rate while playing', () => {
    const time = fakeNow(1_000);
    const clock = new CityClock({ startSimTimeMs: 0, rate: 60, playing: true, now: time.now });
    time.advance(1_000);
    expect(clock.snapshot().simTimeMs).toBe(60_000);
  });

  it('holds sim time while paused', () => {
    const time = fakeNow(0);
    const clock = new CityClock({ startSimTimeMs: 5, rate: 10, playing: false, now: time.now });
    time.advance(10_000);
    expect(clock.snapshot().simTimeMs).toBe(5);
  });

  it('applies a command from the current sim time and bumps the revision', () => {
    const time = fakeNow(0);
    const clock = new CityClock({ startSimTimeMs: 0, rate: 2, playing: true, now: time.now });
    time.advance(1_000);
    const next = clock.apply({ rate: 10 });
    expect(next).toMatchObject({ simTimeMs: 2_000, rate: 10, revision: 1 });
    time.advance(1_000);
    expect(clock.snapshot().simTimeMs).toBe(12_000);
  });

  it('notifies listeners on change and stops after unsubscribe', () => {
    const clock = new CityClock({ startSimTimeMs: 0, rate: 1, playing: true });
    const seen: number[] = [];
    const off = clock.onChange((sync) => seen.push(sync.revision));
    clock.apply({ playing: false });
    off();
    clock.apply({ playing: true });
    expect(seen).toEqual([1]);
  });
});
