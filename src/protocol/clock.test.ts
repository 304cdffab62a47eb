import { describe, expect, it } from 'vitest';
import { clockCommandSchema, clockExtentSchema, seekTime, simTimeAt } from './clock';

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

describe('seekTime', () => {
  const extent = { startMs: 1_000, endMs: 86_401_000 };

  it('maps a fraction of the bar onto the extent', () => {
    expect(seekTime(extent, 0.5)).toBe(1_000 + 43_200_000);
  });

  it('keeps a seek inside the extent, short of its exclusive end', () => {
    expect(seekTime(extent, -0.2)).toBe(1_000);
    expect(seekTime(extent, 1)).toBe(86_400_999);
    expect(seekTime(extent, Number.NaN)).toBe(1_000);
  });
});

describe('clockExtentSchema', () => {
  it('refuses an extent that ends before it starts', () => {
    expect(clockExtentSchema.safeParse({ startMs: 5, endMs: 5 }).success).toBe(false);
    expect(clockExtentSchema.safeParse({ startMs: 5, endMs: 6 }).success).toBe(true);
  });
});
