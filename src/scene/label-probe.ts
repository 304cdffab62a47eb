/** The label declutter's test hook (`window.sandtableLabels`): what shows, as placed and as Cesium laid it out. */
import { Cartesian2, Label, type LabelCollection, type Scene } from 'cesium';
import type { DeclutterItem } from '../labels/label-declutter';
import type { ScreenRect, Viewport } from '../labels/screen-rect';

/** What the probe reads of one decluttered label. */
export interface ProbedLabel {
  label: Label;
  collection: LabelCollection;
  item: DeclutterItem;
}

/** What the probe reads of the declutter as a whole. */
export interface ProbedScene {
  entries: readonly ProbedLabel[];
  viewport: Viewport;
  panels: readonly ScreenRect[];
  /** No fade runs and neither camera nor panels changed since the last placement. */
  settled(): boolean;
}

// Cesium's own layout of a label's glyphs (private API, used only to check the declutter in tests).
const drawnBox = (Label as unknown as { getScreenSpaceBoundingBox(label: Label, at: Cartesian2, result: ScreenRect): ScreenRect }).getScreenSpaceBoundingBox;

/** Puts `window.sandtableLabels` on the page; returns its removal. */
export function installLabelProbe(scene: Scene, probed: ProbedScene): () => void {
  const position = new Cartesian2();
  (window as unknown as { sandtableLabels: unknown }).sandtableLabels = {
    /** The labels shown now with the box placed and the box drawn, the panels and the viewport. */
    snapshot: () => ({
      settled: probed.settled(),
      viewport: { ...probed.viewport },
      panels: probed.panels.map((p) => ({ ...p })),
      labels: probed.entries
        .filter((e) => e.label.show && e.item.opacity > 0 && e.collection.show)
        .map((e) => {
          const at = e.label.computeScreenSpacePosition(scene, position);
          const drawn = at ? drawnBox(e.label, at, { x: 0, y: 0, width: 0, height: 0 }) : null;
          return {
            text: e.label.text,
            tier: e.item.tier,
            side: e.item.side,
            opacity: e.item.opacity,
            placed: { ...e.item.rect },
            drawn: drawn && { x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height },
          };
        }),
      candidates: probed.entries.filter((e) => e.item.eligible).length,
    }),
  };
  return () => delete (window as unknown as { sandtableLabels?: unknown }).sandtableLabels;
}
