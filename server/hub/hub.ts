/**
 * The socket.io hub: the server, its greeting and the time probe. The city feed (server/feed)
 * attaches rooms, clocks and world updates to the same server.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { ClientEvents, ServerEvents, SocketData } from '../../src/protocol/events';
import { helloSchema } from '../../src/protocol/events';
import type { Logger } from '../logger';

/** The typed socket.io server. */
export type HubServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

/** What the hub needs. */
export interface HubDeps {
  logger: Logger;
  defaultCity: string;
  serverVersion: string;
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
  });

  io.on('connection', (socket) => {
    deps.logger.debug({ id: socket.id }, 'client connected');
    // A handler must survive any payload: a bad argument gets an error ack, never a throw.
    socket.on('hello', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const hello = helloSchema.safeParse(raw);
      if (!hello.success) return ack({ ok: false, error: 'invalid hello' });
      socket.data.surface = hello.data.surface;
      ack({ ok: true, welcome: { serverVersion: deps.serverVersion, defaultCity: deps.defaultCity } });
    });
    socket.on('time:ping', (_clientTime, ack) => {
      if (typeof ack !== 'function') return;
      ack({ ok: true, serverTimeMs: Date.now() });
    });
    socket.on('disconnect', (reason) => deps.logger.debug({ id: socket.id, reason }, 'client disconnected'));
  });
  return { io };
}
