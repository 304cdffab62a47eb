import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CLIENT_EVENTS, type ClientEventSpec } from '../../src/protocol/socket-events.js';
import type { HubServer } from './hub.js';
import { eventLabel, invalidPayloadError, onEvent, refuseUnknownEvents, type EventGuard } from './on-event.js';

let http: HttpServer;
let io: HubServer;
let url: string;
let rejected = 0;
const handled: string[] = [];
const logged: string[] = [];
const clients: ClientSocket[] = [];

beforeAll(async () => {
  http = createServer();
  io = new Server(http, { parser: msgpackParser, serveClient: false });
  const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
  const guard: EventGuard = { logger, rejected: () => rejected++ };
  io.on('connection', (socket) => {
    // The test joins by handshake: what feed:join would have set.
    const { room, role } = socket.handshake.auth as { room?: string; role?: 'wall' | 'kiosk' | 'planner' | 'operator' };
    if (room && role) Object.assign(socket.data, { room, role });
    refuseUnknownEvents(socket, guard);
    onEvent(socket, guard, 'hello', (hello, { ack }) => {
      handled.push(`hello ${hello.surface}`);
      ack({ ok: true, welcome: { serverVersion: 'test', defaultCity: 'test-city' } });
    });
    onEvent(socket, guard, 'clock:command', (command, { ack, joined }) => {
      handled.push(`clock ${joined.room} ${joined.role} ${JSON.stringify(command)}`);
      ack({ ok: true, clock: { simTimeMs: 0, serverTimeMs: 0, rate: 1, playing: command.playing ?? true, revision: 1 } });
    });
    onEvent(socket, guard, 'room:weather-day', (_request, { refuse }) => refuse('this server has no weather series'));
    onEvent(socket, guard, 'scenario:load', () => {
      throw new Error('disk on fire');
    });
    onEvent(socket, guard, 'scenario:run', (_request, { ack }) => ack({ ok: false, error: 'a what-if is already running' }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

function client(auth: { room?: string; role?: string } = {}): ClientSocket {
  const socket = connect(url, { parser: msgpackParser, transports: ['websocket'], auth });
  clients.push(socket);
  return socket;
}
/** Sends an event the way any client could, typed or not. */
const send = (socket: ClientSocket, event: string, ...args: unknown[]) => socket.timeout(2_000).emitWithAck(event, ...args) as Promise<{ ok: boolean; error?: string }>;
const nextErrorReply = (socket: ClientSocket) => new Promise<{ event: string; error: string }>((resolve) => socket.once('error:reply', resolve));
/** Counts the refusals `run` causes. */
async function refusalsOf(run: () => Promise<unknown>): Promise<number> {
  const before = rejected;
  await run();
  return rejected - before;
}

describe('onEvent', () => {
  it('hands a valid payload from an allowed sender to the handler, with its room and role', async () => {
    const operator = client({ room: 'hall', role: 'operator' });
    expect(await refusalsOf(async () => expect(await send(operator, 'clock:command', { playing: false })).toMatchObject({ ok: true, clock: { playing: false } }))).toBe(0);
    expect(handled).toContain('clock hall operator {"playing":false}');
    expect(await send(client(), 'hello', { surface: 'kiosk' })).toMatchObject({ ok: true, welcome: { defaultCity: 'test-city' } });
  });

  it('refuses a message without an acknowledgement callback with an error reply', async () => {
    const socket = client({ room: 'hall', role: 'operator' });
    const reply = nextErrorReply(socket);
    const count = await refusalsOf(async () => {
      socket.emit('clock:command' as never, { playing: true } as never);
      expect(await reply).toEqual({ event: 'clock:command', error: 'clock:command needs an acknowledgement callback' });
    });
    expect(count).toBe(1);
  });

  it('refuses a room event from a socket that joined no room', async () => {
    expect(await refusalsOf(async () => expect(await send(client(), 'clock:command', { playing: true })).toEqual({ ok: false, error: 'join a room first' }))).toBe(1);
  });

  it('refuses a role the table does not allow, in the words of the table', async () => {
    expect(await send(client({ room: 'hall', role: 'kiosk' }), 'clock:command', { playing: true })).toEqual({ ok: false, error: 'the kiosk role may not change the clock' });
    expect(await send(client({ room: 'hall', role: 'wall' }), 'scenario:run', {})).toEqual({ ok: false, error: 'the wall role may not plan scenarios' });
  });

  it('refuses a payload that does not parse with where and what, before the handler runs', async () => {
    const operator = client({ room: 'hall', role: 'operator' });
    const before = handled.length;
    expect(await send(operator, 'clock:command', { rate: 100_000 })).toEqual({ ok: false, error: expect.stringMatching(/^invalid clock command: rate: .+/) });
    expect(await send(operator, 'scenario:run', { scenario: { id: 'Bad Id', name: 'x', window: { startMs: 0, endMs: 1 } } })).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid scenario: id: a scenario id is lower-case/),
    });
    expect(await send(operator, 'scenario:run', 'nonsense')).toEqual({ ok: false, error: expect.stringMatching(/^invalid request: /) });
    expect(await send(operator, 'room:weather-day', { date: 'tomorrow' })).toEqual({ ok: false, error: 'invalid weather day: give { date: "YYYY-MM-DD" } or { date: null }' });
    expect(await send(client(), 'hello', { surface: 'toaster' })).toEqual({ ok: false, error: 'invalid hello' });
    expect(handled.length).toBe(before);
  });

  it('counts a refusal the handler gives, whether through refuse or a failed acknowledgement', async () => {
    const operator = client({ room: 'hall', role: 'operator' });
    expect(await refusalsOf(async () => expect(await send(operator, 'room:weather-day', { date: null })).toEqual({ ok: false, error: 'this server has no weather series' }))).toBe(1);
    expect(
      await refusalsOf(async () =>
        expect(await send(operator, 'scenario:run', { scenario: { id: 'a', name: 'a', window: { startMs: 0, endMs: 1 } } })).toEqual({ ok: false, error: 'a what-if is already running' }),
      ),
    ).toBe(1);
  });

  it('answers a handler that throws with an error and logs it, and keeps serving', async () => {
    const planner = client({ room: 'hall', role: 'planner' });
    expect(await send(planner, 'scenario:load', { id: 'x' })).toEqual({ ok: false, error: 'scenario:load failed on the server; try again' });
    expect(logged.some((line) => line.includes('disk on fire'))).toBe(true);
    expect((await send(planner, 'clock:command', { playing: true })).ok).toBe(true);
  });

  it('refuses an event the table does not list, acknowledged when it brings a callback', async () => {
    const socket = client();
    expect(await send(socket, 'launch:missiles', {})).toEqual({ ok: false, error: 'unknown event' });
    const reply = nextErrorReply(socket);
    socket.emit('launch:missiles' as never);
    expect(await reply).toEqual({ event: 'launch:missiles', error: 'unknown event' });
  });
});

describe('invalidPayloadError', () => {
  const spec = (extra: Partial<ClientEventSpec> = {}): ClientEventSpec => ({ ...CLIENT_EVENTS['clock:command'], ...extra });
  const issue = (path: PropertyKey[], message: string) => ({ issues: [{ path, message }] }) as unknown as z.ZodError;

  it('says the event, the path and the message', () => {
    expect(invalidPayloadError(spec(), issue(['rate'], 'too big'))).toBe('invalid clock command: rate: too big');
    expect(invalidPayloadError(spec(), issue([], 'expected an object'))).toBe('invalid clock command: expected an object');
    expect(invalidPayloadError(spec(), issue(['events', 0, 'startMs'], 'expected a number'))).toBe('invalid clock command: events.0.startMs: expected a number');
  });

  it('names a field of its own from inside it, and says a hint instead of the issue', () => {
    expect(invalidPayloadError(spec({ fields: { scenario: 'invalid scenario' } }), issue(['scenario', 'window'], 'window must end after it starts'))).toBe(
      'invalid scenario: window: window must end after it starts',
    );
    expect(invalidPayloadError(spec({ hint: 'give { playing: true }' }), issue(['rate'], 'too big'))).toBe('invalid clock command: give { playing: true }');
    expect(invalidPayloadError(spec({ hint: '' }), issue(['rate'], 'too big'))).toBe('invalid clock command');
  });
});

describe('eventLabel', () => {
  it('names any event a client sent without converting it', () => {
    expect(eventLabel('feed:join')).toBe('feed:join');
    expect(eventLabel('x'.repeat(100))).toHaveLength(64);
    expect(eventLabel({ toString: 1 })).toBe('(a map)');
    expect(eventLabel([1])).toBe('(an array)');
    expect(eventLabel(new Uint8Array(2))).toBe('(binary)');
    expect(eventLabel(null)).toBe('(no event name)');
    expect(eventLabel(7)).toBe('(a number)');
  });
});
