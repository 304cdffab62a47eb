/**
 * The socket.io hub: the server, its greeting and the time probe. The city feed (server/feed)
 * attaches rooms, clocks and world updates to the same server.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { isClientEvent, type ClientEvents, type ServerEvents } from '../../src/protocol/socket-events';
import { originAllowed } from '../http/origin-policy';
import type { Logger } from '../logger';
import { dropUnknownEvents, onEvent, refuseMessage, spendBudget, type EventGuard, type HubSocket, type SocketData } from './on-event';
import { SocketBudget, type BudgetOverrides } from './socket-budget';

/** The socket.io server, typed from the table of events (src/protocol/socket-events.ts). */
export type HubServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

/** What the hub needs. */
export interface HubDeps {
  logger: Logger;
  defaultCity: string;
  serverVersion: string;
  /** Origins besides the server's own whose pages may open a socket (ALLOWED_ORIGINS); default none. */
  allowedOrigins?: readonly string[];
  /** Budgets instead of the table's (tests that flood on purpose). */
  budgets?: BudgetOverrides;
  /** Hears each message refused for its budget (the metrics). */
  overBudget?: (verdict: 'over' | 'drop') => void;
  /** Whether the city's feed is still opening or could not open; until it runs, its events get a clear refusal. */
  feedState?: () => 'starting' | 'running' | 'failed';
}

/** Refuses an event of the table no handler took yet (the city is still opening), rather than leave it unanswered. */
function refuseUnhandled(socket: HubSocket, guard: EventGuard, feedState: HubDeps['feedState']): void {
  socket.use(([event, ...args], next) => {
    if (!isClientEvent(event) || socket.listeners(event).length > 0) return next();
    const ack = args[args.length - 1];
    if (!spendBudget(socket, guard, event, ack)) return;
    refuseMessage(socket, guard, event, feedState?.() === 'failed' ? 'the city could not start on this server' : 'the city is starting; try again', ack);
  });
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
    // Every listener on this socket, the feed's and the planner's too, spends from this one budget.
    socket.data.budget = new SocketBudget({ ...(deps.budgets ? { overrides: deps.budgets } : {}), ...(deps.overBudget ? { report: deps.overBudget } : {}) });
    // Even on a server whose feed never loaded, a name the table does not list (a map, `error`) reaches no listener.
    dropUnknownEvents(socket);
    refuseUnhandled(socket, guard, deps.feedState);
    onEvent(socket, guard, 'hello', (hello, { ack }) => {
      socket.data.surface = hello.surface;
      ack({ ok: true, welcome: { serverVersion: deps.serverVersion, defaultCity: deps.defaultCity } });
    });
    onEvent(socket, guard, 'time:ping', (_clientTimeMs, { ack }) => ack({ ok: true, serverTimeMs: Date.now() }));
    socket.on('disconnect', (reason) => deps.logger.debug({ id: socket.id, reason }, 'client disconnected'));
  });
  return { io };
}
