import { describe, expect, it } from 'vitest';
import { TRIP_CATEGORIES } from '../../protocol/feed';
import { glslPalette, hexToRgb, VEHICLE_COLOURS } from './vehicle-style';

describe('vehicle style', () => {
  it('gives every category its own colour', () => {
    expect(new Set(TRIP_CATEGORIES.map((c) => VEHICLE_COLOURS[c])).size).toBe(TRIP_CATEGORIES.length);
  });
  it('writes the palette as GLSL literals in category order', () => {
    const palette = glslPalette();
    expect(palette).toHaveLength(TRIP_CATEGORIES.length);
    expect(palette[0]).toMatch(/^vec4\(0\.\d{4}, 0\.\d{4}, 0\.\d{4}, 5\.0\)$/);
    expect(hexToRgb('#ff0080')).toEqual([1, 0, 128 / 255]);
  });
});
