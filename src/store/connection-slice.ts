/** Connection slice: the state of the link to the hub. */
import type { StateCreator } from 'zustand/vanilla';
import type { LinkSetback } from '../connection/link-setback';
import type { Role } from '../protocol/feed-wire';
import type { ServerEventName } from '../protocol/socket-events';
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
    /** Server events dropped because they did not validate, by event (a bad server build shows here, and tests read it). */
    invalidEvents: Partial<Record<ServerEventName, number>>;
    /** Why the hub holds this screen back (a room not open, a kick), shown until a join succeeds; null otherwise. */
    setback: LinkSetback | null;
  };
  /** Sets the link status. */
  setConnectionStatus: (status: ConnectionStatus) => void;
  /** Records the server version from the welcome. */
  setServerVersion: (version: string) => void;
  /** Records the role a join was taken in, and the refusal of the one asked for, if any. */
  setJoinedRole: (role: Role, refusal: string | null) => void;
  /** Counts a server event dropped on arrival. */
  countInvalidEvent: (event: ServerEventName) => void;
  /** Records or clears why the hub holds this screen back. */
  setSetback: (setback: LinkSetback | null) => void;
}

/** Creates the connection slice. */
export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', serverVersion: null, role: null, roleRefusal: null, invalidEvents: {}, setback: null },
  setConnectionStatus: (status) => set((state) => (state.connection.status === status ? state : { connection: { ...state.connection, status } })),
  setServerVersion: (serverVersion) => set((state) => ({ connection: { ...state.connection, serverVersion } })),
  setJoinedRole: (role, roleRefusal) => set((state) => ({ connection: { ...state.connection, role, roleRefusal } })),
  countInvalidEvent: (event) =>
    set((state) => ({ connection: { ...state.connection, invalidEvents: { ...state.connection.invalidEvents, [event]: (state.connection.invalidEvents[event] ?? 0) + 1 } } })),
  setSetback: (setback) => set((state) => (state.connection.setback === setback ? state : { connection: { ...state.connection, setback } })),
});
