/** Selection slice: the picked building (or nothing). */
import type { StateCreator } from 'zustand/vanilla';
import type { UseClass } from '../protocol/city-pack';
import type { AppState } from './app-store';

/** What the info panel shows about a picked building. */
export interface BuildingSelection {
  kind: 'building';
  osmId: string;
  name: string;
  nameZh: string;
  nameEn: string;
  useClass: UseClass;
  /** Metres above ground of the top. */
  height: number;
  /** 0 where unknown. */
  levels: number;
}

/** The current selection. */
export type Selection = BuildingSelection | null;

/** Selection state and actions. */
export interface SelectionSlice {
  selection: Selection;
  /** Selects something, or clears with null. */
  select: (selection: Selection) => void;
}

/** Creates the selection slice. */
export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});
