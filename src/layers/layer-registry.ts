/** A registry of live layers by name; registering a name twice is a programming error. */
import type { LayerFactory, LiveLayer } from './live-layer';

/** Layer factories by name. */
export class LayerRegistry {
  private readonly factories = new Map<string, LayerFactory<never>>();

  /** Registers a factory; throws if the name is taken. */
  register<Props extends object>(name: string, factory: LayerFactory<Props>): this {
    if (this.factories.has(name)) throw new Error(`layer "${name}" is already registered`);
    this.factories.set(name, factory as LayerFactory<never>);
    return this;
  }

  /** Names in registration order (the order layers are drawn and listed). */
  names(): string[] {
    return [...this.factories.keys()];
  }

  /** Creates a layer by name; throws for an unknown name. */
  create(name: string, props?: object): LiveLayer {
    const factory = this.factories.get(name);
    if (!factory) throw new Error(`no layer named "${name}"`);
    const layer = factory(props as never);
    if (layer.name !== name) throw new Error(`layer factory "${name}" made a layer named "${layer.name}"`);
    return layer;
  }
}
