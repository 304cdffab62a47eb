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

  it('previews a command without applying it, and resumes counting revisions where it was told', () => {
    const time = fakeNow(0);
    const clock = new CityClock({ startSimTimeMs: 100, rate: 1, playing: true, revision: 7, now: time.now });
    const seen: number[] = [];
    clock.onChange((sync) => seen.push(sync.revision));
    expect(clock.preview({ simTimeMs: 5_000, rate: 30 })).toMatchObject({ simTimeMs: 5_000, rate: 30, playing: true, revision: 8 });
    expect(clock.snapshot()).toMatchObject({ simTimeMs: 100, rate: 1, revision: 7 });
    expect(seen).toEqual([]);
    expect(clock.apply({ playing: false })).toMatchObject({ revision: 8, playing: false });
  });
});
