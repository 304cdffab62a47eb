/** The socket.io hub: typed events, one room per surface, the clock broadcast to all. */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { clockCommandSchema } from '../../src/protocol/clock';
import type { ClientEvents, ServerEvents, SocketData } from '../../src/protocol/events';
import { helloSchema } from '../../src/protocol/events';
import type { CityClock } from '../clock/city-clock';
import type { Logger } from '../logger';

/** The typed socket.io server. */
export type HubServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

/** What the hub needs. */
export interface HubDeps {
  clock: CityClock;
  logger: Logger;
  defaultCity: string;
  serverVersion: string;
  /** Period of the clock re-broadcast, ms. */
  clockSyncMs: number;
}

/** Attaches the hub to an HTTP server; returns the io server and a stop function for its timers. */
export function createHub(httpServer: HttpServer, deps: HubDeps): { io: HubServer; stop: () => void } {
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
      void socket.join(hello.data.surface);
      ack({
        ok: true,
        welcome: { serverVersion: deps.serverVersion, defaultCity: deps.defaultCity, clock: deps.clock.snapshot() },
      });
    });
    socket.on('clock:command', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const command = clockCommandSchema.safeParse(raw);
      if (!command.success) return ack({ ok: false, error: 'invalid clock command' });
      ack({ ok: true, clock: deps.clock.apply(command.data) });
    });
    socket.on('time:ping', (_clientTime, ack) => {
      if (typeof ack !== 'function') return;
      ack({ ok: true, serverTimeMs: Date.now() });
    });
    socket.on('disconnect', (reason) => deps.logger.debug({ id: socket.id, reason }, 'client disconnected'));
  });

  const offChange = deps.clock.onChange((sync) => io.emit('clock:sync', sync));
  const timer = setInterval(() => io.emit('clock:sync', deps.clock.snapshot()), deps.clockSyncMs);
  timer.unref();
  return {
    io,
    stop: () => {
      clearInterval(timer);
      offChange();
    },
  };
}
