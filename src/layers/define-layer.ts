/**
 * The layer kit: a layer says what it adds in `attach(ctx)` through the context, and the kit makes its
 * `dispose` — primitives removed and destroyed, listeners and subscriptions removed, timers cleared,
 * the ready flag reset — so no layer keeps its own cleanup list, disposed flag or ready bookkeeping.
 * Props updates reach every layer: a layer that listens (`onProps`) applies them in place, any other
 * is re-attached on the same scene with the new props.
 */
import type { Viewer } from 'cesium';
import type { LayerScene } from '../scene/scene-layer';
import type { AppState, AppStore } from '../store/app-store';
import { bindVisibility, whenPrimitivesReady } from './layer-binding';
import type { LayerFactory, LiveLayer } from './live-layer';

/** A collection a layer adds to (the scene's primitives, its post-process stages). */
export interface LayerCollection<T> {
  add(item: T): unknown;
  remove(item: T): boolean;
  isDestroyed(): boolean;
}

/** A Cesium `Event` (or anything with that shape). */
export interface LayerEvent<Listener> {
  addEventListener(listener: Listener): () => void;
}

/** A store a layer may follow besides the app store (a surface's own zustand store). */
export interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/** What `attach` works with; everything registered through it is undone by `dispose`. */
export interface LayerContext<Props extends object> {
  /** The layer's registry name. */
  readonly name: string;
  readonly scene: LayerScene;
  readonly viewer: Viewer;
  readonly store: AppStore;
  /** Aborted when the layer is disposed or the scene torn down: pass it to fetches, check it after awaits. */
  readonly signal: AbortSignal;
  /** The props in force (defaults, creation props, updates). */
  readonly props: Readonly<Props>;
  /** Adds a primitive (or a stage to `into`); on dispose it is removed and destroyed. Returns it. */
  add<T extends object>(item: T, into?: LayerCollection<T>): T;
  /** Listens to a Cesium event until dispose. */
  on<Listener extends (...args: never[]) => unknown>(event: LayerEvent<Listener>, listener: Listener): void;
  /** Listens to a DOM event until dispose. */
  on(target: EventTarget, type: string, listener: EventListener): void;
  /** Follows the app store until dispose. */
  subscribe(listener: (state: AppState, previous: AppState) => void): void;
  /** Follows another store until dispose. */
  subscribe<S>(source: Subscribable<S>, listener: (state: S, previous: S) => void): void;
  /** Calls `apply(visible)` now and whenever the layer's visibility changes. */
  visible(apply: (visible: boolean) => void): void;
  /** Calls `apply(props, previous)` when `update` changes props while attached; without it an update re-attaches the layer. */
  onProps(apply: (props: Readonly<Props>, previous: Readonly<Props>) => void): void;
  /** Runs `cleanup` on dispose (timers, handlers, anything the other helpers do not cover). */
  onDispose(cleanup: () => void): void;
  /** Marks the layer ready (drawn); dispose marks it not ready again. */
  ready(): void;
  /** Marks the layer ready once every primitive reports drawn, then calls `then`. */
  readyWhenDrawn(primitives: { ready: boolean; isDestroyed(): boolean }[], then?: () => void): void;
}

/** A layer's definition: its name, its props' defaults, and what it adds to a scene. */
export interface LayerDefinition<Props extends object> {
  name: string;
  defaults: Props;
  /** Adds the layer through `ctx`; may await (fetches). A throw undoes what was added so far. */
  attach(ctx: LayerContext<Props>): Promise<void> | void;
}

/** The error registration throws once the layer is disposed, so an attach still under way stops there. */
function disposedError(name: string): DOMException {
  return new DOMException(`layer ${name} was disposed`, 'AbortError');
}

/** Whether `next` sets any prop to another value than `previous` holds. */
function changesProps<Props extends object>(previous: Readonly<Props>, next: Partial<Props>): boolean {
  return (Object.keys(next) as (keyof Props)[]).some((key) => !Object.is(previous[key], next[key]));
}

/** One attach of a layer: what its dispose undoes, and where it was attached (for a re-attach). */
interface Attachment<Props> {
  cleanups: (() => void)[];
  controller: AbortController;
  scene: LayerScene;
  store: AppStore;
  propsListeners: ((next: Props, previous: Props) => void)[];
  disposed: boolean;
}

/** Defines a layer; returns its factory (props are merged over the defaults). */
export function defineLayer<Props extends object>(definition: LayerDefinition<Props>): LayerFactory<Props> {
  return (initial = {}) => {
    let props: Readonly<Props> = { ...definition.defaults, ...initial };
    let context: Attachment<Props> | null = null;
    let attached = false;

    // Undoes one attach (not necessarily the current one: an attach superseded by a re-attach stops with its own).
    const undo = (attachment: Attachment<Props>) => {
      // Not the signal: the scene's teardown aborts it before the scene disposes its layers.
      if (attachment.disposed) return;
      attachment.disposed = true;
      const { cleanups, controller, store } = attachment;
      controller.abort(disposedError(definition.name));
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          cleanup();
        } catch (error) {
          console.warn(`layer ${definition.name}: cleanup failed`, error);
        }
      }
      store.getState().setLayerReady(definition.name, false);
    };
    const dispose = () => {
      if (context) undo(context);
    };

    const layer: LiveLayer<Props> = {
      name: definition.name,
      get props() {
        return props;
      },
      update(next) {
        const previous = props;
        props = { ...props, ...next };
        const current = context;
        if (!current || current.disposed) return;
        if (current.propsListeners.length > 0) {
          for (const apply of [...current.propsListeners]) apply(props, previous);
          return;
        }
        // A layer that does not apply props in place is attached again with them, on the same scene (not one being torn down).
        if (!current.controller.signal.aborted && changesProps(previous, next)) reattach(current);
      },
      async attach(scene, store) {
        if (attached) throw new Error(`layer ${definition.name} is already attached`);
        attached = true;
        const controller = new AbortController();
        const state: Attachment<Props> = { cleanups: [], controller, scene, store, propsListeners: [], disposed: false };
        context = state;
        const { signal } = controller;
        // The scene's teardown is this layer's too.
        const onSceneAbort = () => controller.abort(scene.signal.reason);
        if (scene.signal.aborted) controller.abort(scene.signal.reason);
        else scene.signal.addEventListener('abort', onSceneAbort, { once: true });
        state.cleanups.push(() => scene.signal.removeEventListener('abort', onSceneAbort));

        // Registers a cleanup; after dispose it runs at once and attach stops with an AbortError.
        const own = (cleanup: () => void) => {
          if (signal.aborted) {
            cleanup();
            throw disposedError(definition.name);
          }
          state.cleanups.push(cleanup);
        };
        const ctx: LayerContext<Props> = {
          name: definition.name,
          scene,
          viewer: scene.viewer,
          store,
          signal,
          get props() {
            return props;
          },
          add(item, into) {
            const collection = into ?? (scene.viewer.scene.primitives as LayerCollection<typeof item>);
            const destroy = () => {
              const owned = item as { isDestroyed?: () => boolean; destroy?: () => void };
              if (owned.isDestroyed?.() === false) owned.destroy?.();
            };
            if (signal.aborted) {
              destroy();
              throw disposedError(definition.name);
            }
            collection.add(item);
            // A destroyed viewer took its primitives with it.
            own(() => {
              if (!collection.isDestroyed()) collection.remove(item);
              destroy();
            });
            return item;
          },
          on(source: LayerEvent<(...args: never[]) => unknown> | EventTarget, typeOrListener: string | ((...args: never[]) => unknown), listener?: EventListener) {
            if (typeof typeOrListener === 'string') {
              const target = source as EventTarget;
              own(() => target.removeEventListener(typeOrListener, listener!));
              target.addEventListener(typeOrListener, listener!);
            } else {
              own((source as LayerEvent<typeof typeOrListener>).addEventListener(typeOrListener));
            }
          },
          subscribe<S>(sourceOrListener: Subscribable<S> | ((state: AppState, previous: AppState) => void), listener?: (state: S, previous: S) => void) {
            if (typeof sourceOrListener === 'function') own(store.subscribe(sourceOrListener));
            else own(sourceOrListener.subscribe(listener!));
          },
          visible(apply) {
            own(bindVisibility(store, definition.name, apply));
          },
          onProps(apply) {
            own(() => {
              const index = state.propsListeners.indexOf(apply);
              if (index >= 0) state.propsListeners.splice(index, 1);
            });
            state.propsListeners.push(apply);
          },
          onDispose(cleanup) {
            own(cleanup);
          },
          ready() {
            if (!signal.aborted) store.getState().setLayerReady(definition.name, true);
          },
          readyWhenDrawn(primitives, then) {
            own(
              whenPrimitivesReady(scene.viewer.scene, primitives, () => {
                then?.();
                ctx.ready();
              }),
            );
          },
        };
        try {
          await definition.attach(ctx);
        } catch (error) {
          const stopped = signal.aborted;
          undo(state);
          // Disposed while attaching: not a failure, the layer simply stopped.
          if (!stopped) throw error;
        }
      },
      dispose,
    };

    // Disposes the layer's current attach and attaches it again; a failure is handled as the scene handles a first attach's.
    const reattach = ({ scene, store }: Attachment<Props>) => {
      dispose();
      attached = false;
      layer.attach(scene, store).catch((error: unknown) => {
        if (scene.signal.aborted) return;
        console.error(`layer ${definition.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        // A broken layer must not hold the wall's readiness hostage.
        store.getState().setLayerReady(definition.name, true);
      });
    };
    return layer;
  };
}
