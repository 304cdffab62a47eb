import { describe, expect, it } from 'vitest';
import { clockCommandSchema, simTimeAt } from './clock';

describe('simTimeAt', () => {
  const sync = { simTimeMs: 1_000, serverTimeMs: 10_000, rate: 60, playing: true, revision: 0 };

  it('extrapolates by the rate from the server instant', () => {
    expect(simTimeAt(sync, 11_000)).toBe(61_000);
  });

  it('corrects for the server clock offset', () => {
    expect(simTimeAt(sync, 10_500, 500)).toBe(61_000);
  });

  it('never runs backwards for a local clock behind the sync instant', () => {
    expect(simTimeAt(sync, 9_000)).toBe(1_000);
  });

  it('freezes when paused', () => {
    expect(simTimeAt({ ...sync, playing: false }, 99_000)).toBe(1_000);
  });
});

describe('clockCommandSchema', () => {
  it('rejects unknown keys and out-of-range rates', () => {
    expect(clockCommandSchema.safeParse({ rate: 99_999 }).success).toBe(false);
    expect(clockCommandSchema.safeParse({ hack: 1 }).success).toBe(false);
    expect(clockCommandSchema.safeParse({ rate: 60, playing: true }).success).toBe(true);
  });
});
