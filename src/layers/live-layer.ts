/** The contract of a live layer: one folder, typed props with defaults, attach/dispose. */
import type { Viewer } from 'cesium';
import type { CityPack } from '../scene/city-pack-source';
import type { SceneLabels } from '../scene/scene-labels';
import type { AppStore } from '../store/app-store';

/** What a layer draws into: the viewer and the city pack it shows. */
export interface LayerScene {
  viewer: Viewer;
  pack: CityPack;
  /** Aborted when the scene is torn down, so a layer's pending fetches stop. */
  signal: AbortSignal;
  /** The scene's one label declutter: every label a layer draws goes through it. */
  labels: SceneLabels;
}

/** A live layer on the scene; whatever `attach` adds, `dispose` removes. */
export interface LiveLayer {
  /** Registry name, also the key of its entry in the layers slice. */
  readonly name: string;
  /** Adds the layer's primitives and subscriptions; resolves once they are created (not yet drawn). */
  attach(scene: LayerScene, store: AppStore): Promise<void>;
  /** Removes everything `attach` added. Safe to call twice, and before `attach` finished. */
  dispose(): void;
}

/** Creates a layer from partial props (the layer fills the defaults). */
export type LayerFactory<Props extends object = object> = (props?: Partial<Props>) => LiveLayer;
