/** Layers slice: which live layers exist and which are shown. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-store';

/** Visibility and readiness of one live layer. */
export interface LayerStatus {
  visible: boolean;
  /** True once the layer has everything it needs drawn (used for readiness). */
  ready: boolean;
}

/** Layer state and actions. */
export interface LayersSlice {
  layers: Record<string, LayerStatus>;
  /** Adds a layer to the list (idempotent: keeps the visibility a layer already had). */
  declareLayer: (name: string, visible: boolean) => void;
  /** Removes a layer from the list. */
  forgetLayer: (name: string) => void;
  /** Shows or hides a layer. */
  setLayerVisible: (name: string, visible: boolean) => void;
  /** Marks a layer ready or not. */
  setLayerReady: (name: string, ready: boolean) => void;
}

/** Creates the layers slice. */
export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  layers: {},
  declareLayer: (name, visible) =>
    set((state) => ({
      layers: { ...state.layers, [name]: { visible: state.layers[name]?.visible ?? visible, ready: false } },
    })),
  forgetLayer: (name) =>
    set((state) => {
      const { [name]: _gone, ...rest } = state.layers;
      return { layers: rest };
    }),
  setLayerVisible: (name, visible) =>
    set((state) => {
      const layer = state.layers[name];
      return layer ? { layers: { ...state.layers, [name]: { ...layer, visible } } } : state;
    }),
  setLayerReady: (name, ready) =>
    set((state) => {
      const layer = state.layers[name];
      return layer && layer.ready !== ready ? { layers: { ...state.layers, [name]: { ...layer, ready } } } : state;
    }),
});
