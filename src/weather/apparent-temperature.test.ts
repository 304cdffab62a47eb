import { describe, expect, it } from 'vitest';
import { apparentTemperature, dewPointFromHumidity, vapourPressure } from './apparent-temperature.js';

describe('vapour pressure', () => {
  // Saturation vapour pressure over water, hPa, as tabulated in the WMO/Smithsonian
  // meteorological tables; the BoM's Magnus form must agree within 1 %.
  it.each([
    [0, 6.112],
    [10, 12.28],
    [20, 23.39],
    [30, 42.46],
    [40, 73.84],
  ])('at %s °C saturated is the tabulated %s hPa', (t, table) => {
    expect(Math.abs(vapourPressure(t, 1) - table) / table).toBeLessThan(0.01);
  });

  it('scales with relative humidity', () => {
    expect(vapourPressure(25, 0.5)).toBeCloseTo(vapourPressure(25, 1) / 2, 10);
  });
});

describe('apparent temperature (BoM / Steadman 1994, no radiation)', () => {
  // Worked from AT = Ta + 0.33e − 0.70ws − 4.00 with e = rh · 6.105 · exp(17.27Ta/(237.7+Ta)).
  it.each([
    [30, 0.5, 0, 32.98],
    [30, 0.8, 2, 35.76],
    [10, 0.7, 5, 5.33],
    [0, 0.8, 3, -4.49],
    [35, 0.6, 1, 41.39],
    [20, 0.5, 0, 19.85],
  ])('Ta %s °C, rh %s, wind %s m/s → %s °C', (t, rh, ws, expected) => {
    expect(apparentTemperature(t, rh, ws)).toBeCloseTo(expected, 1);
  });

  it('falls 0.7 °C per m/s of wind and rises with humidity', () => {
    expect(apparentTemperature(15, 0.6, 4) - apparentTemperature(15, 0.6, 5)).toBeCloseTo(0.7, 10);
    expect(apparentTemperature(28, 0.9, 2)).toBeGreaterThan(apparentTemperature(28, 0.4, 2));
  });
});

describe('dew point from humidity', () => {
  it('equals the temperature when saturated and inverts the vapour pressure', () => {
    expect(dewPointFromHumidity(17, 1)).toBeCloseTo(17, 6);
    const dew = dewPointFromHumidity(25, 0.6);
    expect(vapourPressure(dew, 1)).toBeCloseTo(vapourPressure(25, 0.6), 6);
  });

  it('matches a row of the Shanghai file: 1 °C at 59.48 % has a dew point near −6 °C', () => {
    expect(dewPointFromHumidity(1, 0.5948)).toBeCloseTo(-6.1, 0);
  });
});
