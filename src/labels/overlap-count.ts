/**
 * Counts what the declutter must never let happen among the labels on screen: two labels overlapping,
 * a label under a HUD panel, a label cut by the screen edge. Unit and browser tests share it.
 */
import { rectInsideViewport, rectsOverlap, type ScreenRect, type Viewport } from './screen-rect';

/** What is on the screen: its size, the panels over the scene, the rectangles of the labels shown. */
export interface LabelScreen {
  viewport: Viewport;
  panels: ScreenRect[];
  labels: ScreenRect[];
}

/** Collisions among shown labels, by kind. */
export interface OverlapCount {
  /** Pairs of labels that overlap each other. */
  labelLabel: number;
  /** (label, panel) pairs that overlap. */
  labelPanel: number;
  /** Labels not wholly inside the screen. */
  labelEdge: number;
  total: number;
}

/** Counts the collisions on a screen (pairwise: a test tool, not the placement's own index). */
export function countOverlaps(screen: LabelScreen): OverlapCount {
  let labelLabel = 0;
  let labelPanel = 0;
  let labelEdge = 0;
  const { labels, panels, viewport } = screen;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!rectInsideViewport(label, viewport)) labelEdge++;
    for (const panel of panels) if (rectsOverlap(label, panel)) labelPanel++;
    for (let j = i + 1; j < labels.length; j++) if (rectsOverlap(label, labels[j]!)) labelLabel++;
  }
  return { labelLabel, labelPanel, labelEdge, total: labelLabel + labelPanel + labelEdge };
}
