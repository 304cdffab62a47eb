/** Room-weather slice: the weather day and planner override of the room this page joined, as the server last told it. */
import type { StateCreator } from 'zustand/vanilla';
import type { RoomWeather } from '../protocol/room-weather';
import type { AppState } from './app-store';

/** Room-weather state and action. */
export interface RoomWeatherSlice {
  /** Null until the join acknowledgement brought it. */
  roomWeather: RoomWeather | null;
  /** Takes the state from the join acknowledgement or a `room:weather` event. */
  setRoomWeather: (weather: RoomWeather) => void;
}

/** Creates the room-weather slice. */
export const createRoomWeatherSlice: StateCreator<AppState, [], [], RoomWeatherSlice> = (set) => ({
  roomWeather: null,
  setRoomWeather: (roomWeather) => set({ roomWeather }),
});
