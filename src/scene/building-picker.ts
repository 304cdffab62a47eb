/** Picking: a click or tap on a building selects it (info panel) and highlights it; elsewhere clears. */
import { Cesium3DTileFeature, Color, ScreenSpaceEventHandler, ScreenSpaceEventType, type Cartesian2, type Viewer } from 'cesium';
import { toUseClass } from '../city/use-class';
import type { AppStore } from '../store/app-store';
import type { BuildingSelection } from '../store/selection-slice';

const HIGHLIGHT = Color.fromCssColorString('#38e1ff');

/** Reads a picked feature's metadata into a selection (missing values become empty or 0). */
export function selectionFromFeature(feature: { getProperty(name: string): unknown }): BuildingSelection {
  const text = (name: string) => {
    const value = feature.getProperty(name);
    return typeof value === 'string' ? value : '';
  };
  const number = (name: string) => {
    const value = Number(feature.getProperty(name));
    return Number.isFinite(value) ? value : 0;
  };
  return {
    kind: 'building',
    osmId: text('osm_id'),
    name: text('name'),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    useClass: toUseClass(feature.getProperty('use_class')),
    height: number('height'),
    levels: number('levels'),
  };
}

/** The building feature at a canvas position, or null. */
export function pickBuilding(viewer: Viewer, position: Cartesian2): Cesium3DTileFeature | null {
  const picked: unknown = viewer.scene.pick(position);
  return picked instanceof Cesium3DTileFeature ? picked : null;
}

/** Attaches picking; returns the cleanup. */
export function attachBuildingPicker(viewer: Viewer, store: AppStore): () => void {
  let highlighted: { feature: Cesium3DTileFeature; colour: Color } | null = null;
  const clearHighlight = () => {
    if (!highlighted) return;
    try {
      highlighted.feature.color = highlighted.colour;
    } catch {
      // The tile was unloaded meanwhile; its feature is gone with it.
    }
    highlighted = null;
    viewer.scene.requestRender();
  };

  const handler = new ScreenSpaceEventHandler(viewer.canvas);
  handler.setInputAction((event: { position: Cartesian2 }) => {
    const feature = pickBuilding(viewer, event.position);
    clearHighlight();
    if (!feature) {
      store.getState().select(null);
      return;
    }
    highlighted = { feature, colour: Color.clone(feature.color) };
    feature.color = HIGHLIGHT;
    viewer.scene.requestRender();
    store.getState().select(selectionFromFeature(feature));
  }, ScreenSpaceEventType.LEFT_CLICK);

  const unsubscribe = store.subscribe((state) => {
    if (state.selection === null && highlighted) clearHighlight();
  });

  return () => {
    unsubscribe();
    clearHighlight();
    handler.destroy();
  };
}
