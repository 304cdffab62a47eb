/**
 * Whatever a client sends as a socket.io frame — any event name (string, number, map, array, nil, binary), any
 * payload, with or without an ack id — no exception escapes and the server goes on answering.
 */
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EVENTS, type ClientEvents, type ServerEvents } from '../../src/protocol/socket-events';
import { buildTestCity, startTestServer, testCityDir, TEST_TOKENS as tokens, type TestServer } from '../test-city.test-helper';

const escaped: unknown[] = [];
const onEscape = (error: unknown) => void escaped.push(error);
let test: TestServer;
let base: string;

beforeAll(async () => {
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  const dir = await testCityDir('frames');
  await buildTestCity(dir, { hours: 1, tripsPerDay: 100, requestsPerDay: 50 });
  // Every frame is to reach the handlers, however many arrive: budgets no flood reaches (the flood test checks the table's).
  const unlimited = { burst: 1e9, perSecond: 1e9 };
  const budgets = Object.fromEntries([...Object.keys(CLIENT_EVENTS), 'unknown', 'strikes'].map((name) => [name, unlimited]));
  test = await startTestServer(dir, { rate: 60, tickMs: 50, budgets });
  base = test.base;
});

afterAll(async () => {
  await test.close();
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
});

function client(): Socket<ServerEvents, ClientEvents> {
  return connect(base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
}

// Names that mean something to socket.io, to Node's EventEmitter or to an object, beside the table's own.
const tricky = ['error', 'disconnect', 'disconnecting', 'connect', 'newListener', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];
const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('toString', 'valueOf', '__proto__', 'constructor', 'room', 'role', 'token'));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 40 }),
    fc.uint8Array({ maxLength: 16 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const eventName = fc.oneof(fc.constantFrom(...Object.keys(CLIENT_EVENTS), ...tricky), value);
/** A socket.io EVENT packet (or, now and then, an ACK) as msgpack, the way the server's parser reads it. */
const frame = fc.record({
  type: fc.constantFrom(2, 2, 2, 3),
  event: eventName,
  args: fc.array(value, { maxLength: 3 }),
  id: fc.option(fc.nat(), { nil: undefined }),
});
const encoder = new msgpackParser.Encoder();

/** Who sends the frames: an anonymous socket, and sockets joined with staff tokens, so room handlers get them too. */
const senders = [
  { who: 'an anonymous socket', join: undefined },
  { who: 'a joined operator', join: { room: 'main', role: 'operator' as const, token: tokens.operator } },
  { who: 'a joined planner', join: { room: 'main', role: 'planner' as const, token: tokens.planner } },
];

describe('arbitrary msgpack frames', () => {
  it.each(senders)('from $who never let an exception escape, and the server still answers a join', async ({ join }) => {
    const socket = client();
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    if (join) expect(await socket.timeout(5_000).emitWithAck('feed:join', join)).toMatchObject({ ok: true });
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 6 }), async (frames) => {
        for (const f of frames) {
          const packet = { type: f.type, nsp: '/', data: [f.event, ...f.args], ...(f.id !== undefined ? { id: f.id } : {}) };
          // The parser's encoder gives one buffer per packet (its types say otherwise).
          for (const bytes of encoder.encode(packet) as unknown as Buffer[]) socket.io.engine.write(bytes);
          sent++;
        }
        // The server reads a socket's frames in order: once this answers, every frame above has been handled.
        const reply = await socket.timeout(5_000).emitWithAck('hello', { surface: 'wall' });
        expect(reply).toHaveProperty('ok');
        expect(escaped).toEqual([]);
      }),
      { numRuns: 80 },
    );
    expect(sent).toBeGreaterThan(150);
    socket.disconnect();
    const fresh = client();
    const joined = await fresh.timeout(5_000).emitWithAck('feed:join', { room: 'main', role: 'wall' });
    expect(joined).toMatchObject({ ok: true });
    fresh.disconnect();
    expect(escaped).toEqual([]);
  });
});
