/** Road segments a browser test or a screenshot clicks as a user would: chosen on the pack's graph, projected through the live viewer. */
import type { Page } from 'playwright-core';
import { manifestSchema, roadGraphSchema, type RoadGraphFile } from '../../src/protocol/city-pack';
import { publicConfigSchema } from '../../src/protocol/events';
import { METRES_PER_DEGREE } from '../../src/city/local-frame';
import { edgeDistance, edgeLine } from '../../src/city/nearest-edge';
import { segmentOf } from '../../src/surfaces/planner/pick-on-map';

/** A road segment the test can click: the middle of an edge, far enough from every other road that the click is unambiguous. */
export interface Target {
  edges: number[];
  lon: number;
  lat: number;
  /** Distance (m) from the middle to the nearest edge of another segment. */
  clearanceM: number;
}

/** The pack's graph, read as the page reads it. */
export async function loadGraph(baseUrl: string): Promise<RoadGraphFile> {
  const json = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const { defaultCity } = publicConfigSchema.parse(await json('/api/config'));
  const manifest = manifestSchema.parse(await json(`/tiles/${defaultCity}/manifest.json`));
  return roadGraphSchema.parse(await json(`/tiles/${defaultCity}/${manifest.files.graph}`));
}

/** The middle (by length) of an edge's polyline. */
export function midpoint(graph: RoadGraphFile, edge: number): [number, number] {
  const line = edgeLine(graph, edge);
  const lengths = line.slice(1).map(([lon, lat], i) => Math.hypot((lon - line[i]![0]) * Math.cos((lat * Math.PI) / 180), lat - line[i]![1]));
  let half = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (half <= lengths[i]!) {
      const f = lengths[i]! === 0 ? 0 : half / lengths[i]!;
      return [line[i]![0] + f * (line[i + 1]![0] - line[i]![0]), line[i]![1] + f * (line[i + 1]![1] - line[i]![1])];
    }
    half -= lengths[i]!;
  }
  return line[line.length - 1]!;
}

/** Long edges whose middle is at least 30 m from any other segment, one per segment. */
export function clickableSegments(graph: RoadGraphFile): Target[] {
  const targets: Target[] = [];
  const seen = new Set<number>();
  for (let edge = 0; edge < graph.edges.from.length; edge++) {
    if (seen.has(edge) || graph.edges.lengthM[edge]! < 120) continue;
    const { edges } = segmentOf(graph, edge, () => null);
    for (const e of edges) seen.add(e);
    const [lon, lat] = midpoint(graph, edge);
    let clearanceM = Infinity;
    for (let other = 0; other < graph.edges.from.length && clearanceM >= 30; other++) {
      if (!edges.includes(other)) clearanceM = Math.min(clearanceM, edgeDistance(graph, other, lon, lat));
    }
    if (clearanceM >= 30) targets.push({ edges, lon, lat, clearanceM });
  }
  return targets;
}

/** A target where it shows in the page now, in CSS px, with how many px half its clearance spans. */
export interface OnScreen extends Target {
  x: number;
  y: number;
  slackPx: number;
}

/** Projects targets through the live viewer (Cesium's SceneTransforms) and keeps those well inside the map. */
export async function onScreen(page: Page, targets: Target[]): Promise<OnScreen[]> {
  const points = targets.map((t) => ({ ...t, slackLat: t.lat + t.clearanceM / 2 / METRES_PER_DEGREE }));
  return page.evaluate((points) => {
    type Vector = { x: number; y: number };
    type Hooks = {
      sandtablePlanner: {
        cesium: { Cartesian3: { fromDegrees(lon: number, lat: number, h: number): unknown }; SceneTransforms: { worldToWindowCoordinates(scene: unknown, p: unknown): Vector | undefined } };
      };
      sandtableTest: { viewer: { scene: unknown; canvas: HTMLCanvasElement } };
    };
    const hooks = window as unknown as Hooks;
    const { Cartesian3, SceneTransforms } = hooks.sandtablePlanner.cesium;
    const { scene, canvas } = hooks.sandtableTest.viewer;
    const rect = canvas.getBoundingClientRect();
    const shown = [];
    for (const { slackLat, ...target } of points) {
      const at = SceneTransforms.worldToWindowCoordinates(scene, Cartesian3.fromDegrees(target.lon, target.lat, 0));
      const slack = SceneTransforms.worldToWindowCoordinates(scene, Cartesian3.fromDegrees(target.lon, slackLat, 0));
      // Away from the edges and the credits along the bottom.
      if (!at || !slack || at.x < 40 || at.y < 40 || at.x > rect.width - 40 || at.y > rect.height - 80) continue;
      shown.push({ ...target, x: rect.left + at.x, y: rect.top + at.y, slackPx: Math.hypot(slack.x - at.x, slack.y - at.y) });
    }
    return shown;
  }, points);
}

/** Up to `count` targets at least 80 px apart whose clearance spans at least 6 px, longest first. */
export function spreadOut(shown: OnScreen[], count: number): OnScreen[] {
  const chosen: OnScreen[] = [];
  for (const target of shown.filter((t) => t.slackPx >= 6).sort((a, b) => b.clearanceM - a.clearanceM)) {
    if (chosen.every((c) => Math.hypot(c.x - target.x, c.y - target.y) >= 80)) chosen.push(target);
    if (chosen.length === count) break;
  }
  return chosen;
}
