/** The contract of a live layer: one folder, typed props with defaults, attach/dispose, props updated in place. */
import type { SceneLayer } from '../scene/scene-layer';

/** A live layer on the scene; whatever `attach` adds, `dispose` removes (defineLayer makes both). */
export interface LiveLayer<Props extends object = object> extends SceneLayer {
  /** The props in force: the defaults, the props it was made with, and every update since. */
  readonly props: Readonly<Props>;
  /** Changes some props without a scene rebuild: an attached layer applies them at once (in place, or attached again), a later attach uses them. */
  update(props: Partial<Props>): void;
}

/** Creates a layer from partial props (the layer fills the defaults). */
export type LayerFactory<Props extends object = object> = (props?: Partial<Props>) => LiveLayer<Props>;
