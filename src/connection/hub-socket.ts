/** The browser's type of its hub socket: what it sends is typed by the table, what arrives is unknown until parsed. */
import type { Socket } from 'socket.io-client';
import type { ClientEvents, ServerEventName } from '../protocol/socket-events';

/**
 * The server's events as they arrive: unknown, so no handler can take a payload as typed before
 * onServerEvent (server-event.ts) has parsed it with the table's schema.
 */
export type ServerArrivals = { [E in ServerEventName]: (payload: unknown) => void };

/** A surface's socket to the hub. */
export type HubSocket = Socket<ServerArrivals, ClientEvents>;
