import { describe, expect, it } from 'vitest';
import { dressingIndex, effectiveTemperature, humidityAdjustment, windAdjustment } from './dressing-index.js';
import { DRESSING_LEVELS, dressingLevelFor } from './dressing-levels.js';

describe('dressing index bands (calm, humidity unknown: effective = air temperature)', () => {
  // Every edge of 1 炎热 ≥28, 2 24–27.9, 3 21–23.9, 4 18–20.9, 5 15–17.9, 6 11–14.9, 7 6–10.9, 8 <6.
  it.each([
    [45, 1],
    [28, 1],
    [27.99, 2],
    [27.9, 2],
    [24, 2],
    [23.99, 3],
    [23.9, 3],
    [21, 3],
    [20.99, 4],
    [20.9, 4],
    [18, 4],
    [17.99, 5],
    [17.9, 5],
    [15, 5],
    [14.99, 6],
    [14.9, 6],
    [11, 6],
    [10.99, 7],
    [10.9, 7],
    [6, 7],
    [5.99, 8],
    [5.9, 8],
    [0, 8],
    [-20, 8],
  ])('%s °C is level %s', (temperature, level) => {
    expect(dressingIndex({ temperature }).level).toBe(level);
    // A light breeze and humidity at the neutral point change nothing either.
    expect(dressingIndex({ temperature, windSpeed: 2, relativeHumidity: temperature >= 20 ? 0.5 : 0.7 }).level).toBe(level);
  });

  it('names the levels 炎热 … 寒冷 and gives advice in both languages', () => {
    expect(DRESSING_LEVELS.map((l) => l.name.zh)).toEqual(['炎热', '热舒适', '舒适', '凉舒适', '温凉', '凉', '冷', '寒冷']);
    expect(DRESSING_LEVELS.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const level of DRESSING_LEVELS) {
      for (const text of [level.name.zh, level.name.en, level.advice.zh, level.advice.en]) expect(text.length).toBeGreaterThan(0);
      expect(level.advice.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(level.advice.en).toMatch(/^[\x20-\x7e—’]+$/);
    }
  });

  it('never skips a level as the temperature falls', () => {
    let previous = 1;
    for (let t = 40; t >= -10; t -= 0.05) {
      const level = dressingLevelFor(t).level;
      expect(level - previous).toBeGreaterThanOrEqual(0);
      expect(level - previous).toBeLessThanOrEqual(1);
      previous = level;
    }
  });
});

describe('wind adjustment', () => {
  it('is zero up to a light breeze of 2 m/s and when unknown', () => {
    expect(windAdjustment(null)).toBe(0);
    expect(windAdjustment(0)).toBe(0);
    expect(windAdjustment(2)).toBe(0);
  });

  it('takes 0.7 °C per m/s above 2 m/s, at most 6 °C', () => {
    expect(windAdjustment(4)).toBeCloseTo(-1.4, 10);
    expect(windAdjustment(10)).toBeCloseTo(-5.6, 10);
    expect(windAdjustment(30)).toBe(-6);
  });

  it('moves a day across a band edge', () => {
    expect(dressingIndex({ temperature: 18, windSpeed: 2 }).level).toBe(4);
    expect(dressingIndex({ temperature: 18, windSpeed: 2.2 }).level).toBe(5); // 17.86 °C
    expect(dressingIndex({ temperature: 20, windSpeed: 30 }).level).toBe(6); // capped: 14 °C
  });
});

describe('humidity adjustment', () => {
  it('makes muggy heat hotter and dry heat cooler, relative to 50 %', () => {
    const muggy = effectiveTemperature({ temperature: 26, relativeHumidity: 0.9 });
    expect(muggy.humidityAdjustment).toBeCloseTo(4.42, 1);
    expect(dressingIndex({ temperature: 26, relativeHumidity: 0.9 }).level).toBe(1);
    expect(dressingIndex({ temperature: 26, relativeHumidity: 0.5 }).level).toBe(2);
    expect(humidityAdjustment(28, 0.2)).toBeCloseTo(-3.73, 1);
    expect(dressingIndex({ temperature: 28, relativeHumidity: 0.2 }).level).toBe(2);
  });

  it('makes damp cold colder: −1 °C per 10 % above 70 %, at most −3 °C', () => {
    expect(humidityAdjustment(6, 0.7)).toBe(0);
    expect(humidityAdjustment(6, 0.8)).toBeCloseTo(-1, 10);
    expect(humidityAdjustment(6, 1)).toBeCloseTo(-3, 10);
    expect(dressingIndex({ temperature: 6, relativeHumidity: 0.7 }).level).toBe(7);
    expect(dressingIndex({ temperature: 6, relativeHumidity: 1 }).level).toBe(8);
  });

  it('ramps in over 10–14 °C and 20–24 °C and does nothing in between, so there is no jump', () => {
    expect(humidityAdjustment(12, 1)).toBeCloseTo(-1.5, 10);
    expect(humidityAdjustment(14, 1)).toBe(0);
    expect(humidityAdjustment(17, 1)).toBe(0);
    expect(humidityAdjustment(20, 1)).toBe(0);
    expect(humidityAdjustment(22, 0.9)).toBeGreaterThan(0);
    expect(humidityAdjustment(22, 0.9)).toBeLessThan(humidityAdjustment(24, 0.9));
    for (let t = 5; t <= 30; t += 0.01) expect(Math.abs(humidityAdjustment(t + 0.01, 0.95) - humidityAdjustment(t, 0.95))).toBeLessThan(0.05);
  });

  it('adds wind and humidity together and reports both parts', () => {
    const index = dressingIndex({ temperature: 8, relativeHumidity: 0.9, windSpeed: 6 });
    expect(index.windAdjustment).toBeCloseTo(-2.8, 10);
    expect(index.humidityAdjustment).toBeCloseTo(-2, 10);
    expect(index.value).toBeCloseTo(3.2, 10);
    expect(index.level).toBe(8);
    expect(index.name).toEqual({ zh: '寒冷', en: 'Very cold' });
  });
});
