/** Camera slice: the bookmark being shown or flown to, and whether the attract tour runs. */
import type { StateCreator } from 'zustand/vanilla';
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
  };
  /** Asks the scene to fly to a bookmark. */
  goToBookmark: (id: string) => void;
  /** Records that the camera left any bookmark (the visitor moved it). */
  leaveBookmark: () => void;
  /** Starts or stops the tour. */
  setTouring: (touring: boolean) => void;
}

/** Creates the camera slice. */
export const createCameraSlice: StateCreator<AppState, [], [], CameraSlice> = (set) => ({
  camera: { bookmarkId: null, bookmarkRequest: 0, touring: false },
  goToBookmark: (id) =>
    set((state) => ({ camera: { ...state.camera, bookmarkId: id, bookmarkRequest: state.camera.bookmarkRequest + 1 } })),
  leaveBookmark: () => set((state) => ({ camera: { ...state.camera, bookmarkId: null } })),
  setTouring: (touring) => set((state) => (state.camera.touring === touring ? state : { camera: { ...state.camera, touring } })),
});
