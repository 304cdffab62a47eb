import { describe, expect, it } from 'vitest';
import { USE_CLASSES } from '../../protocol/city-pack';
import { buildingStyleJson, USE_CLASS_COLOURS } from './palette';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('building palette', () => {
  it('has one distinct colour per use class', () => {
    const colours = USE_CLASSES.map((u) => USE_CLASS_COLOURS[u]);
    expect(new Set(colours).size).toBe(USE_CLASSES.length);
  });

  it('keeps every colour light enough to read over the dark ground', () => {
    for (const useClass of USE_CLASSES) expect(luminance(USE_CLASS_COLOURS[useClass]), useClass).toBeGreaterThan(0.45);
  });

  it('styles every use class and ends with a fallback', () => {
    const { conditions } = buildingStyleJson().color;
    expect(conditions).toHaveLength(USE_CLASSES.length + 1);
    expect(conditions[0]).toEqual(["${use_class} === 'residential'", "color('#f1e3c6')"]);
    expect(conditions.at(-1)?.[0]).toBe('true');
  });
});
