/** The one vanilla store shared by all surfaces: a slice per domain, each writing only its own keys. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCameraSlice, type CameraSlice } from './camera-slice';
import { createClockSlice, type ClockSlice } from './clock-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createFeedSlice, type FeedSlice } from './feed-slice';
import { createGuideSlice, type GuideSlice } from './guide-slice';
import { createLayersSlice, type LayersSlice } from './layers-slice';
import { createLocaleSlice, type LocaleSlice } from './locale-slice';
import { createRoomWeatherSlice, type RoomWeatherSlice } from './room-weather-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

/** The whole app state. */
export type AppState = ClockSlice & LayersSlice & SelectionSlice & CameraSlice & ConnectionSlice & LocaleSlice & FeedSlice & GuideSlice & RoomWeatherSlice;

/** The store type passed to layers, scene code and UI. */
export type AppStore = StoreApi<AppState>;

/** Creates a fresh store (one per page; tests make their own). */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createClockSlice(...args),
    ...createLayersSlice(...args),
    ...createSelectionSlice(...args),
    ...createCameraSlice(...args),
    ...createConnectionSlice(...args),
    ...createLocaleSlice(...args),
    ...createFeedSlice(...args),
    ...createGuideSlice(...args),
    ...createRoomWeatherSlice(...args),
  }));
}
