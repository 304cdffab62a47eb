/** Colours of the vehicle categories: distinct from the congestion greens-to-reds so the two layers read apart. */
import { TRIP_CATEGORIES, type TripCategory } from '../../protocol/feed';

/** One colour per trip category (CSS hex). */
export const VEHICLE_COLOURS: Record<TripCategory, string> = {
  car: '#e2e8f0',
  taxi: '#22d3ee',
  bus: '#a78bfa',
  truck: '#f472b6',
  delivery: '#60a5fa',
  bicycle: '#a3e635',
  pedestrian: '#fde68a',
};

/** Drawn length (m) per category, so a bus reads longer than a car when the camera is close. */
export const VEHICLE_LENGTHS: Record<TripCategory, number> = {
  car: 5,
  taxi: 5,
  bus: 12,
  truck: 10,
  delivery: 7,
  bicycle: 2,
  pedestrian: 1,
};

/** `#rrggbb` → [r, g, b] in 0…1. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** The palette as GLSL `vec4(r, g, b, length)` literals in TRIP_CATEGORIES order. */
export function glslPalette(): string[] {
  return TRIP_CATEGORIES.map((category) => {
    const [r, g, b] = hexToRgb(VEHICLE_COLOURS[category]);
    return `vec4(${r.toFixed(4)}, ${g.toFixed(4)}, ${b.toFixed(4)}, ${VEHICLE_LENGTHS[category].toFixed(1)})`;
  });
}
