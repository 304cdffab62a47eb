/**
 * The socket.io hub: the server, its greeting and the time probe. The city feed (server/feed)
 * attaches rooms, clocks and world updates to the same server.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { ClientEvents, ServerEvents } from '../../src/protocol/socket-events';
import { originAllowed } from '../http/origin-policy';
import type { Logger } from '../logger';
import { dropUnknownEvents, onEvent, type EventGuard, type SocketData } from './on-event';

/** The socket.io server, typed from the table of events (src/protocol/socket-events.ts). */
export type HubServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

/** What the hub needs. */
export interface HubDeps {
  logger: Logger;
  defaultCity: string;
  serverVersion: string;
  /** Origins besides the server's own whose pages may open a socket (ALLOWED_ORIGINS); default none. */
  allowedOrigins?: readonly string[];
}

/** Attaches the hub to an HTTP server. */
export function createHub(httpServer: HttpServer, deps: HubDeps): { io: HubServer } {
  const io: HubServer = new Server(httpServer, {
    parser: msgpackParser,
    serveClient: false,
    // The wall runs unattended: detect a dead link within ~30 s.
    pingInterval: 10_000,
    pingTimeout: 20_000,
    maxHttpBufferSize: 1_000_000,
    // A page of another origin may not open a socket (a browser sends Origin; a node tool or station sends none and passes).
    allowRequest: (request, callback) => {
      const allowed = originAllowed(request.headers.origin, request.headers.host, deps.allowedOrigins ?? []);
      if (!allowed) deps.logger.warn({ origin: request.headers.origin }, 'socket refused: origin not allowed');
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });

  const guard: EventGuard = { logger: deps.logger };
  io.on('connection', (socket) => {
    deps.logger.debug({ id: socket.id }, 'client connected');
    // Even on a server whose feed never loaded, a name the table does not list (a map, `error`) reaches no listener.
    dropUnknownEvents(socket);
    onEvent(socket, guard, 'hello', (hello, { ack }) => {
      socket.data.surface = hello.surface;
      ack({ ok: true, welcome: { serverVersion: deps.serverVersion, defaultCity: deps.defaultCity } });
    });
    onEvent(socket, guard, 'time:ping', (_clientTimeMs, { ack }) => ack({ ok: true, serverTimeMs: Date.now() }));
    socket.on('disconnect', (reason) => deps.logger.debug({ id: socket.id, reason }, 'client disconnected'));
  });
  return { io };
}
