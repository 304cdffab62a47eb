/** Guide slice: the travel guide's home and destination, the map pick in progress, the current route. */
import type { StateCreator } from 'zustand/vanilla';
import type { RouteReply } from '../protocol/guide';
import type { AppState } from './app-store';

/** Which end of the route a map tap sets. */
export type GuideEnd = 'home' | 'destination';

/** Guide state. */
export interface GuideState {
  home: [number, number] | null;
  destination: [number, number] | null;
  /** Set while the visitor is choosing a point on the map. */
  picking: GuideEnd | null;
  /** The last route reply (null until one arrived). */
  route: RouteReply | null;
}

/** Guide state and actions. */
export interface GuideSlice {
  guide: GuideState;
  /** Sets home or destination (and ends a pick). */
  setGuideEnd: (end: GuideEnd, lonLat: [number, number]) => void;
  /** Starts or cancels a map pick. */
  setGuidePicking: (end: GuideEnd | null) => void;
  /** Stores a route reply. */
  setGuideRoute: (route: RouteReply | null) => void;
}

/** Creates the guide slice. */
export const createGuideSlice: StateCreator<AppState, [], [], GuideSlice> = (set) => ({
  guide: { home: null, destination: null, picking: null, route: null },
  setGuideEnd: (end, lonLat) => set((state) => ({ guide: { ...state.guide, [end]: lonLat, picking: null } })),
  setGuidePicking: (picking) => set((state) => ({ guide: { ...state.guide, picking } })),
  setGuideRoute: (route) => set((state) => ({ guide: { ...state.guide, route } })),
});
