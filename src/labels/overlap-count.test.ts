import { describe, expect, it } from 'vitest';
import { countOverlaps } from './overlap-count';

describe('countOverlaps', () => {
  it('counts label pairs, labels under panels and labels cut by the edge', () => {
    const count = countOverlaps({
      viewport: { width: 1000, height: 500 },
      panels: [{ x: 0, y: 0, width: 200, height: 200 }],
      labels: [
        { x: 150, y: 150, width: 100, height: 20 }, // under the panel
        { x: 240, y: 160, width: 100, height: 20 }, // overlaps the first
        { x: 950, y: 300, width: 100, height: 20 }, // cut by the right edge
        { x: 500, y: 300, width: 100, height: 20 }, // clear
        { x: 600, y: 300, width: 100, height: 20 }, // touches the clear one only
      ],
    });
    expect(count).toEqual({ labelLabel: 1, labelPanel: 1, labelEdge: 1, total: 3 });
  });
});
