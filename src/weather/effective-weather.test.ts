import { describe, expect, it } from 'vitest';
import type { WeatherObserved } from '../protocol/entities';
import { effectiveWeather, type WeatherProvenance } from './effective-weather';

const observed = (id: string, dateObserved: string, provenance?: WeatherProvenance): WeatherObserved => ({
  id,
  type: 'WeatherObserved',
  dateObserved,
  temperature: 20,
  ...(provenance ? { provenance } : {}),
});

/** Every order of a list, so the pick cannot depend on the order the world lists its entities in. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const pick = (observations: WeatherObserved[]): string[] => [...new Set(permutations(observations).map((order) => effectiveWeather(order)?.id ?? 'none'))];

describe('effectiveWeather', () => {
  const recorded = observed('recorded', '2014-06-12T15:00:00+08:00');
  const day = observed('heat-day', '2013-08-07T15:00:00+08:00', 'weather-day');
  const override = observed('typhoon', '2014-06-12T07:00:00Z', 'override');
  const live = observed('roof', '2014-06-12T15:30:00+08:00', 'live');

  it('puts the planner override above the weather day, a live station and the recording, whatever their dates', () => {
    expect(pick([recorded, day, override, live])).toEqual(['typhoon']);
  });

  it('puts the weather day above a live station, even a later one', () => {
    expect(pick([recorded, day, live])).toEqual(['heat-day']);
    expect(pick([day, observed('roof', '2026-01-01T00:00:00Z', 'live')])).toEqual(['heat-day']);
  });

  it('takes the fresher of a live post and the recording, by instant whatever the offset, the live post on a tie', () => {
    expect(pick([recorded, live])).toEqual(['roof']);
    // 09:30 in Shanghai is 01:30Z: later than 01:00Z, though its text sorts lower.
    expect(pick([observed('recorded', '2014-06-12T01:00:00Z'), observed('roof', '2014-06-12T09:30:00+08:00', 'live')])).toEqual(['roof']);
    expect(pick([observed('recorded', '2014-06-12T16:00:00+08:00'), live])).toEqual(['recorded']);
    expect(pick([observed('recorded', '2014-06-12T07:30:00Z'), live])).toEqual(['roof']);
  });

  it('treats an unstamped observation as the recording and a stamped one alike', () => {
    expect(pick([observed('a', '2014-06-12T15:00:00+08:00'), observed('b', '2014-06-12T16:00:00+08:00', 'recording')])).toEqual(['b']);
  });

  it('picks one observation whatever the order of equals, and none from none', () => {
    expect(pick([observed('b', '2014-06-12T15:00:00+08:00', 'override'), observed('a', '2014-06-12T15:00:00+08:00', 'override')])).toEqual(['a']);
    expect(effectiveWeather([])).toBeNull();
  });
});
