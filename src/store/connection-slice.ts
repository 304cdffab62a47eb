/** Connection slice: the state of the link to the hub. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './app-store';

/** Link states; "reconnecting" shows the badge. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/** Connection state and actions. */
export interface ConnectionSlice {
  connection: { status: ConnectionStatus; serverVersion: string | null };
  /** Sets the link status. */
  setConnectionStatus: (status: ConnectionStatus) => void;
  /** Records the server version from the welcome. */
  setServerVersion: (version: string) => void;
}

/** Creates the connection slice. */
export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', serverVersion: null },
  setConnectionStatus: (status) =>
    set((state) => (state.connection.status === status ? state : { connection: { ...state.connection, status } })),
  setServerVersion: (serverVersion) => set((state) => ({ connection: { ...state.connection, serverVersion } })),
});
