/** A registry of live layers by name, with the props each is made with; registering a name twice is a programming error. */
import type { SceneLayerSource } from '../scene/scene-layer';
import type { LayerFactory, LiveLayer } from './live-layer';

interface Entry {
  factory: LayerFactory<never>;
  /** Props the surface chose for this layer: every layer made from now on gets them. */
  props: object;
  /** The layer made last (the one on the current scene), so updates reach it. */
  live: LiveLayer<never> | null;
}

/** Layer factories by name; `Layers` maps each registered name to its props type. */
export class LayerRegistry<Layers extends Record<string, object> = Record<never, object>> implements SceneLayerSource {
  private readonly entries = new Map<string, Entry>();

  /** Registers a factory (with the props a surface wants for it); throws if the name is taken. */
  register<Name extends string, Props extends object>(name: Name, factory: LayerFactory<Props>, props: Partial<Props> = {}): LayerRegistry<Layers & Record<Name, Props>> {
    if (this.entries.has(name)) throw new Error(`layer "${name}" is already registered`);
    this.entries.set(name, { factory: factory as LayerFactory<never>, props, live: null });
    return this as unknown as LayerRegistry<Layers & Record<Name, Props>>;
  }

  /** Names in registration order (the order layers are drawn and listed). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Creates a layer by name with its registered props (and `props` over them); throws for an unknown name. */
  create(name: string, props: object = {}): LiveLayer {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no layer named "${name}"`);
    const layer = entry.factory({ ...entry.props, ...props } as never);
    if (layer.name !== name) throw new Error(`layer factory "${name}" made a layer named "${layer.name}"`);
    entry.live = layer;
    return layer;
  }

  /** Changes a layer's props: the layer on the scene applies them without a rebuild, and a rebuilt scene keeps them. */
  update<Name extends keyof Layers & string>(name: Name, props: Partial<Layers[Name]>): void {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no layer named "${name}"`);
    entry.props = { ...entry.props, ...props };
    entry.live?.update(props as never);
  }
}
