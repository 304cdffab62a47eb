/** Connection slice: the state of the link to the hub. */
import type { StateCreator } from 'zustand/vanilla';
import type { Role } from '../protocol/feed-wire';
import type { AppState } from './app-store';

/** Link states; "reconnecting" shows the badge. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/** Connection state and actions. */
export interface ConnectionSlice {
  connection: {
    status: ConnectionStatus;
    serverVersion: string | null;
    /** The role the room took this client in (an operator's wall joins as `operator`); null before joining. */
    role: Role | null;
    /** Why the server refused the role asked for (a wrong operator token), or null. */
    roleRefusal: string | null;
  };
  /** Sets the link status. */
  setConnectionStatus: (status: ConnectionStatus) => void;
  /** Records the server version from the welcome. */
  setServerVersion: (version: string) => void;
  /** Records the role a join was taken in, and the refusal of the one asked for, if any. */
  setJoinedRole: (role: Role, refusal: string | null) => void;
}

/** Creates the connection slice. */
export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', serverVersion: null, role: null, roleRefusal: null },
  setConnectionStatus: (status) => set((state) => (state.connection.status === status ? state : { connection: { ...state.connection, status } })),
  setServerVersion: (serverVersion) => set((state) => ({ connection: { ...state.connection, serverVersion } })),
  setJoinedRole: (role, roleRefusal) => set((state) => ({ connection: { ...state.connection, role, roleRefusal } })),
});
