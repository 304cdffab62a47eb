/**
 * The one guard every client event passes (the table: src/protocol/socket-events.ts): it takes the
 * message from the socket's budget (and drops a socket that keeps sending over it), then needs an
 * acknowledgement callback, a joined room and an allowed role where the table says so, and a
 * payload that parses; each refusal is counted once and answered once, with a clear error.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Role } from '../../src/protocol/feed-wire.js';
import { CLIENT_EVENTS, isClientEvent, type AckOf, type ClientEventName, type ClientEvents, type ClientEventSpec, type ParsedPayload, type ServerEvents } from '../../src/protocol/socket-events.js';
import type { Surface } from '../../src/protocol/events.js';
import type { Logger } from '../logger.js';
import { overBudgetError, SocketBudget } from './socket-budget.js';

/** Data the hub, the feed and the planner keep on each socket. */
export interface SocketData {
  /** The surface it said hello as. */
  surface?: Surface;
  /** The room it joined and its role there. */
  room?: string;
  role?: Role;
  /** What it may still send (set when it connects; the table's budgets when nothing set it). */
  budget?: SocketBudget;
}

/** A socket of the typed hub. */
export type HubSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

/** Where a hub reports what its guard saw. */
export interface EventGuard {
  logger: Logger;
  /** Counts a refused message (the feed's metrics). */
  rejected?: () => void;
  /** Counts a message received. */
  received?: () => void;
}

/** The sender of a room event: its room and role, known to be there. */
export interface Joined {
  room: string;
  role: Role;
}

/** What a handler gets beside the payload. */
export interface EventContext<E extends ClientEventName> {
  /** Acknowledges; a refusal (`ok: false`) is counted as one. */
  ack: (reply: AckOf<E>) => void;
  /** Refuses with an error. */
  refuse: (error: string) => void;
  /** The sender's room and role (only for events of a joined room). */
  joined: (typeof CLIENT_EVENTS)[E]['roles'] extends 'anyone' ? null : Joined;
}

type Handler<E extends ClientEventName> = (payload: ParsedPayload<E>, context: EventContext<E>) => void | Promise<void>;

/** The error a payload that does not parse gets: the event's own start, then where and what (or the table's hint). */
export function invalidPayloadError(spec: ClientEventSpec, error: z.ZodError): string {
  if (spec.hint !== undefined) return spec.hint ? `${spec.invalid}: ${spec.hint}` : spec.invalid;
  const issue = error.issues[0];
  if (!issue) return spec.invalid;
  let path = issue.path.map(String);
  let start = spec.invalid;
  const field = path[0] !== undefined ? spec.fields?.[path[0]] : undefined;
  if (field) [start, path] = [field, path.slice(1)];
  return `${start}: ${path.length > 0 ? `${path.join('.')}: ` : ''}${issue.message}`;
}

/** Refuses a message: counted once; through its acknowledgement when it has one, else as an error:reply. */
export function refuseMessage(socket: HubSocket, guard: EventGuard, event: string, error: string, ack?: unknown): void {
  guard.rejected?.();
  if (typeof ack === 'function') (ack as (reply: { ok: false; error: string }) => void)({ ok: false, error });
  else socket.emit('error:reply', { event, error });
}

/**
 * Takes one message (any name a client sent) from the socket's budget. Over it, the message is
 * refused ("too many feed:join; slow down"); a socket that keeps on is told why (hub:kicked) and
 * disconnected, and whatever it sent after is ignored. False when the message goes no further.
 */
export function spendBudget(socket: HubSocket, guard: EventGuard, event: unknown, ack: unknown): boolean {
  const verdict = (socket.data.budget ??= new SocketBudget()).take(event);
  if (verdict === 'ok') return true;
  if (verdict === 'gone') return false;
  const label = eventLabel(event);
  refuseMessage(socket, guard, label, overBudgetError(label), ack);
  if (verdict === 'drop') {
    guard.logger.warn({ id: socket.id, event: label, address: socket.handshake.address }, 'a socket kept sending over its budget; dropped');
    socket.emit('hub:kicked', { event: label, reason: `too many ${label} after being told to slow down; this connection is closed` });
    socket.disconnect(true);
  }
  return false;
}

/** Handles one client event of the table on a socket, behind the guard. */
export function onEvent<E extends ClientEventName>(socket: HubSocket, guard: EventGuard, event: E, handle: Handler<E>): void {
  const spec: ClientEventSpec = CLIENT_EVENTS[event];
  // A handler must survive any payload: the arguments are whatever a client sent.
  const listener = (raw: unknown, ack: unknown): void => {
    if (!spendBudget(socket, guard, event, ack)) return;
    if (typeof ack !== 'function') return refuseMessage(socket, guard, event, `${event} needs an acknowledgement callback`);
    const reply = (error: string) => refuseMessage(socket, guard, event, error, ack);
    let joined: Joined | null = null;
    if (spec.roles !== 'anyone') {
      const { room, role } = socket.data;
      if (!room || !role) return reply('join a room first');
      if (!spec.roles.includes(role)) return reply(spec.refusal?.(role) ?? `the ${role} role may not send ${event}`);
      joined = { room, role };
    }
    const parsed = spec.payload.safeParse(raw);
    if (!parsed.success) return reply(invalidPayloadError(spec, parsed.error));
    const context = {
      ack: (answer: AckOf<E>) => (answer.ok ? (ack as (answer: AckOf<E>) => void)(answer) : reply(answer.error)),
      refuse: reply,
      joined,
    } as EventContext<E>;
    Promise.resolve()
      .then(() => handle(parsed.data as ParsedPayload<E>, context))
      .catch((error: unknown) => {
        guard.logger.error({ err: error, event }, 'event handler failed');
        reply(`${event} failed on the server; try again`);
      });
  };
  // socket.io types a listener by its event; this one takes what arrives, unknown, and parses it.
  (socket as unknown as { on(event: string, listener: (raw: unknown, ack: unknown) => void): void }).on(event, listener);
}

/** A printable name for whatever arrived as an event name (a client may send a map, an array, binary, nil). */
export function eventLabel(event: unknown): string {
  // String() of a map can throw (a `toString` key that is not a function), so only a string is printed as sent.
  if (typeof event === 'string') return event.slice(0, 64);
  if (event === null || event === undefined) return '(no event name)';
  if (Array.isArray(event)) return '(an array)';
  if (event instanceof Uint8Array) return '(binary)';
  return typeof event === 'object' ? '(a map)' : `(a ${typeof event})`;
}

/**
 * Counts every message and refuses one the table does not list (acknowledged when it brings a callback);
 * such a message then goes no further, so socket.io never emits a name a client chose (a map, `error`, `disconnect`).
 */
export function refuseUnknownEvents(socket: HubSocket, guard: EventGuard): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    guard.received?.();
    if (!isClientEvent(event) && spendBudget(socket, guard, event, args[args.length - 1])) refuseMessage(socket, guard, eventLabel(event), 'unknown event', args[args.length - 1]);
  });
  dropUnknownEvents(socket);
}

/** Lets only the table's events reach the socket's listeners: whatever else arrives is dropped before socket.io emits it. */
export function dropUnknownEvents(socket: HubSocket): void {
  // Runs after onAny and before dispatch; not calling next() ends the message there.
  socket.use(([event], next) => {
    if (isClientEvent(event)) next();
  });
}
