import { describe, expect, it } from 'vitest';
import { roomWeatherSchema } from './room-weather';

describe('roomWeatherSchema', () => {
  it('takes a room’s weather day and override, or neither', () => {
    const override = { preset: 'typhoon', startMs: 1_402_549_200_000, endMs: 1_402_556_400_000 };
    expect(roomWeatherSchema.parse({ day: '2013-08-07', override })).toEqual({ day: '2013-08-07', override });
    expect(roomWeatherSchema.parse({ day: null, override: null })).toEqual({ day: null, override: null });
  });

  it('refuses a day that is not a date, an unknown preset, a window that ends first, a missing part and extra keys', () => {
    const override = { preset: 'typhoon', startMs: 2, endMs: 1 };
    expect(roomWeatherSchema.safeParse({ day: 'tomorrow', override: null }).success).toBe(false);
    expect(roomWeatherSchema.safeParse({ day: null, override: { ...override, preset: 'blizzard', endMs: 3 } }).success).toBe(false);
    expect(roomWeatherSchema.safeParse({ day: null, override }).success).toBe(false);
    expect(roomWeatherSchema.safeParse({ day: null }).success).toBe(false);
    expect(roomWeatherSchema.safeParse({ day: null, override: null, extra: 1 }).success).toBe(false);
  });
});
