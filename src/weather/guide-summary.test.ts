import { describe, expect, it } from 'vitest';
import { apparentTemperature } from './apparent-temperature';
import { compassPoint, guideSummary } from './guide-summary';

describe('guide summary', () => {
  it('names the compass point a wind blows from', () => {
    expect(compassPoint(0)).toBe('N');
    expect(compassPoint(44)).toBe('NE');
    expect(compassPoint(359)).toBe('N');
    expect(compassPoint(-90)).toBe('W');
    expect(compassPoint(null)).toBeNull();
  });

  it('summarises a muggy summer hour with rain', () => {
    const summary = guideSummary({ temperature: 30, relativeHumidity: 0.8, windSpeed: 4, windDirection: 135, precipitation: 3 });
    expect(summary.feelsLike).toBeCloseTo(apparentTemperature(30, 0.8, 4), 6);
    expect(summary.humidityPercent).toBe(80);
    expect(summary.wind).toMatchObject({ from: 'SE', beaufort: 3 });
    expect(summary.dressing?.level).toBe(1);
    expect(summary.umbrella?.kind).toBe('moderate-rain');
  });

  it('leaves out what it cannot know and calls calm wind directionless', () => {
    const summary = guideSummary({ temperature: null, relativeHumidity: null, windSpeed: 0, windDirection: 90, precipitation: null });
    expect(summary).toMatchObject({ feelsLike: null, humidityPercent: null, dressing: null, umbrella: null, precipitation: 0 });
    expect(summary.wind.from).toBeNull();
  });
});
