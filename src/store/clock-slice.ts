/** Clock slice: the last sync from the server, the estimated server clock offset and the extent a seek can reach. */
import type { StateCreator } from 'zustand/vanilla';
import type { ClockExtent, ClockSync } from '../protocol/clock';
import type { AppState } from './app-store';

/** Clock state and actions. */
export interface ClockSlice {
  clock: {
    /** Last sync from the server; null until the first one arrives. */
    sync: ClockSync | null;
    /** Server time minus local time, ms. */
    serverOffsetMs: number;
    /** The span of the room's replayed sources (from the join); null for a live-only feed or before joining. */
    extent: ClockExtent | null;
  };
  /** Accepts a sync unless it is older (lower revision) than the one held. */
  receiveClockSync: (sync: ClockSync) => void;
  /** Takes a sync whatever its revision (a restarted server counts revisions from zero again). */
  resetClockSync: (sync: ClockSync) => void;
  /** Records a new server offset estimate. */
  setServerOffset: (offsetMs: number) => void;
  /** Records the extent the room's join reported. */
  setClockExtent: (extent: ClockExtent | null) => void;
}

/** Creates the clock slice. */
export const createClockSlice: StateCreator<AppState, [], [], ClockSlice> = (set) => ({
  clock: { sync: null, serverOffsetMs: 0, extent: null },
  receiveClockSync: (sync) =>
    set((state) => {
      const held = state.clock.sync;
      if (held && sync.revision < held.revision) return state;
      return { clock: { ...state.clock, sync } };
    }),
  resetClockSync: (sync) => set((state) => ({ clock: { ...state.clock, sync } })),
  setServerOffset: (serverOffsetMs) => set((state) => ({ clock: { ...state.clock, serverOffsetMs } })),
  setClockExtent: (extent) => set((state) => ({ clock: { ...state.clock, extent } })),
});
