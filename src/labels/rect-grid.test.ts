import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RectGrid } from './rect-grid';
import { rectsOverlap, type ScreenRect } from './screen-rect';

const rect = fc.record({ x: fc.integer({ min: -200, max: 2100 }), y: fc.integer({ min: -200, max: 1200 }), width: fc.integer({ min: 1, max: 400 }), height: fc.integer({ min: 1, max: 200 }) });

describe('RectGrid', () => {
  it('finds a rectangle overlapping one inserted, and not one that only touches it', () => {
    const grid = new RectGrid(100);
    grid.reset(1920, 1080);
    grid.insert({ x: 90, y: 90, width: 30, height: 30 });
    expect(grid.hits({ x: 110, y: 110, width: 5, height: 5 })).toBe(true);
    expect(grid.hits({ x: 120, y: 90, width: 10, height: 10 })).toBe(false);
    expect(grid.hits({ x: 120, y: 90, width: 10, height: 10 }, 1)).toBe(true);
  });

  it('answers as a pairwise test would, also for rectangles off the screen', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 60 }), rect, (inserted: ScreenRect[], probe: ScreenRect) => {
        const grid = new RectGrid(96);
        grid.reset(1920, 1080);
        for (const r of inserted) grid.insert(r);
        expect(grid.hits(probe)).toBe(inserted.some((r) => rectsOverlap(r, probe)));
      }),
    );
  });

  it('forgets everything on reset and keeps working past its first capacity', () => {
    const grid = new RectGrid();
    grid.reset(800, 600);
    for (let i = 0; i < 1000; i++) grid.insert({ x: i % 800, y: (i * 7) % 600, width: 2, height: 2 });
    expect(grid.size).toBe(1000);
    expect(grid.hits({ x: 0, y: 0, width: 3, height: 3 })).toBe(true);
    grid.reset(800, 600);
    expect(grid.hits({ x: 0, y: 0, width: 800, height: 600 })).toBe(false);
  });
});
