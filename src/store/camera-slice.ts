/** Camera slice: the bookmark being shown or flown to, and whether the attract tour runs. */
import type { StateCreator } from 'zustand/vanilla';
import type { LocalizedName } from '../protocol/city-pack';
import type { AppState } from './app-store';

/** Camera state and actions. */
export interface CameraSlice {
  camera: {
    /** Id of the bookmark asked for (the scene flies there); null after free navigation. */
    bookmarkId: string | null;
    /** Bumps on each request so asking for the same bookmark twice flies again. */
    bookmarkRequest: number;
    /** True while the attract tour drives the camera. */
    touring: boolean;
    /** The stop the tour is at or flying to, for the HUD; null outside the tour. */
    tourStop: { id: string; name: LocalizedName } | null;
  };
  /** Asks the scene to fly to a bookmark. */
  goToBookmark: (id: string) => void;
  /** Records that the camera left any bookmark (the visitor moved it). */
  leaveBookmark: () => void;
  /** Starts or stops the tour. */
  setTouring: (touring: boolean) => void;
  /** Records the tour's current stop (null when it stops). */
  setTourStop: (stop: { id: string; name: LocalizedName } | null) => void;
}

/** Creates the camera slice. */
export const createCameraSlice: StateCreator<AppState, [], [], CameraSlice> = (set) => ({
  camera: { bookmarkId: null, bookmarkRequest: 0, touring: false, tourStop: null },
  goToBookmark: (id) => set((state) => ({ camera: { ...state.camera, bookmarkId: id, bookmarkRequest: state.camera.bookmarkRequest + 1 } })),
  leaveBookmark: () => set((state) => ({ camera: { ...state.camera, bookmarkId: null } })),
  setTouring: (touring) => set((state) => (state.camera.touring === touring ? state : { camera: { ...state.camera, touring, tourStop: touring ? state.camera.tourStop : null } })),
  setTourStop: (tourStop) => set((state) => ({ camera: { ...state.camera, tourStop } })),
});
