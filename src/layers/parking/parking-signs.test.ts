import { describe, expect, it } from 'vitest';
import { districtDisplay, groupDistricts, planParkingSigns, spacesDisplay, type Lot } from './parking-signs';

// A small town: a primary road along y = 0 (nodes 0–1–2) and a secondary road north of it (3–4).
const D = 0.001; // ≈ 95–111 m
const graph = {
  nodes: { lon: [0, 10 * D, 20 * D, 0, 20 * D], lat: [0, 0, 0, 5 * D, 5 * D], osmNode: [0, 1, 2, 3, 4] },
  edges: {
    from: [0, 1, 3],
    to: [1, 2, 4],
    lengthM: [1, 1, 1],
    freeFlowS: [1, 1, 1],
    speedKph: [50, 50, 40],
    lanes: [2, 2, 1],
    road: [0, 0, 1],
    shapeStart: [0, 0, 0],
    shapeCount: [2, 2, 2],
  },
};
const edgeClass = ['primary', 'primary', 'secondary'];
const lot = (id: string, lon: number, lat: number, total = 100, available = 50): Lot => ({ id, name: id, lon, lat, total, available });

describe('spaces shown on a sign', () => {
  it('are never negative and never more than the capacity', () => {
    expect(spacesDisplay(50, -3)).toMatchObject({ free: 0, total: 50, availability: 'full' });
    expect(spacesDisplay(50, 70)).toMatchObject({ free: 50, total: 50, availability: 'ample' });
    expect(spacesDisplay(-5, 2)).toMatchObject({ free: 0, total: 0, availability: 'closed' });
    expect(spacesDisplay(Number.NaN, 2)).toMatchObject({ free: 0, total: 0 });
  });
  it('grade availability by the share free', () => {
    expect(spacesDisplay(100, 30).availability).toBe('ample');
    expect(spacesDisplay(100, 12).availability).toBe('limited');
    expect(spacesDisplay(100, 3).availability).toBe('few');
  });
  it('sum a district from clamped lots', () => {
    expect(
      districtDisplay([
        { total: 10, available: 15 },
        { total: 20, available: -4 },
      ]),
    ).toMatchObject({ free: 10, total: 30 });
  });
});

describe('sign placement', () => {
  it('groups lots within the district radius by single linkage', () => {
    const lots = [lot('a', 0, 0), lot('b', 4 * D, 0), lot('c', 8 * D, 0), lot('d', 40 * D, 0)];
    expect(
      groupDistricts(lots, 500)
        .map((g) => g.length)
        .sort(),
    ).toEqual([1, 3]);
  });

  it('puts level 1 on the main road nearest the district and level 2 on the secondary road nearest each lot', () => {
    const lots = [lot('west', 1 * D, 6 * D, 300), lot('east', 19 * D, 6 * D, 100)];
    const signs = planParkingSigns(graph, edgeClass, lots, { districtRadiusM: 5000, level2MaxM: 400, level2MaxLots: 3 });
    const level1 = signs.filter((s) => s.level === 1);
    expect(level1).toHaveLength(1);
    // Capacity-weighted centre lies west of the middle: node 1 (10 D) is still the nearest primary node.
    expect(level1[0]!.node).toBe(1);
    expect(level1[0]!.lotIds.sort()).toEqual(['east', 'west']);
    const level2 = signs.filter((s) => s.level === 2);
    expect(level2.map((s) => s.node).sort()).toEqual([3, 4]);
    expect(level2.find((s) => s.node === 3)!.lotIds).toEqual(['west']);
  });

  it('gives no level-2 sign to a lot far from any secondary road', () => {
    const signs = planParkingSigns(graph, edgeClass, [lot('far', 10 * D, -30 * D)], { districtRadiusM: 600, level2MaxM: 300, level2MaxLots: 3 });
    expect(signs.filter((s) => s.level === 2)).toHaveLength(0);
    expect(signs.filter((s) => s.level === 1)).toHaveLength(1);
  });
});
