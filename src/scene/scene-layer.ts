/**
 * What a scene knows of its layers: something with a name it attaches and disposes, made by name from
 * a source. The layer kit (src/layers/) implements these; the scene imports no layer.
 */
import type { Viewer } from 'cesium';
import type { AppStore } from '../store/app-store';
import type { CityPack } from '../connection/city-pack-source';
import type { SceneLabels } from './scene-labels';

/** What a layer draws into: the viewer and the city pack it shows. */
export interface LayerScene {
  viewer: Viewer;
  pack: CityPack;
  /** Aborted when the scene is torn down, so a layer's pending fetches stop. */
  signal: AbortSignal;
  /** The scene's one label declutter: every label a layer draws goes through it. */
  labels: SceneLabels;
}

/** A layer as the scene drives it. */
export interface SceneLayer {
  /** Registry name, also the key of its entry in the layers slice. */
  readonly name: string;
  /** Adds the layer's primitives and subscriptions; resolves once they are created (not yet drawn). */
  attach(scene: LayerScene, store: AppStore): Promise<void>;
  /** Removes everything `attach` added. Safe to call twice, and before `attach` finished. */
  dispose(): void;
}

/** Where a scene gets its layers: the names in draw order, and a fresh layer for each. */
export interface SceneLayerSource {
  names(): string[];
  create(name: string): SceneLayer;
}
