/** What the layer kit (define-layer.ts) builds on to follow a layer's store entry and report readiness. */
import type { Scene } from 'cesium';
import type { AppStore } from '../store/app-store';

/** Calls `apply(visible)` now and whenever the layer's visibility changes; returns the unsubscribe. */
export function bindVisibility(store: AppStore, name: string, apply: (visible: boolean) => void): () => void {
  let last = store.getState().layers[name]?.visible ?? true;
  apply(last);
  return store.subscribe((state) => {
    const visible = state.layers[name]?.visible ?? true;
    if (visible !== last) {
      last = visible;
      apply(visible);
    }
  });
}

/**
 * Resolves when every primitive reports `ready` after a render; primitives build their geometry in
 * workers, so "created" is not "drawn". Returns a cancel function.
 */
export function whenPrimitivesReady(scene: Scene, primitives: { ready: boolean; isDestroyed(): boolean }[], done: () => void): () => void {
  const check = () => {
    if (primitives.some((p) => p.isDestroyed())) return remove();
    if (primitives.every((p) => p.ready)) {
      remove();
      done();
    } else {
      // Keep frames coming while workers finish, even in request-render mode.
      scene.requestRender();
    }
  };
  const remove = scene.postRender.addEventListener(check);
  scene.requestRender();
  return remove;
}
