/**
 * Load a stray client can make is bounded, on a real server with real sockets: a join flood (and a
 * ping flood) is refused, then told and dropped, while a well-behaved wall of the same room keeps
 * receiving its feed; junk joins take no room, and rooms staff opened are released once empty.
 */
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEvents, ServerEvents } from '../../src/protocol/socket-events';
import { buildTestCity, startTestServer, testCityDir, TEST_TOKENS as tokens, type TestServer } from '../test-city.test-helper';

let test: TestServer;

beforeAll(async () => {
  const dir = await testCityDir('flood');
  await buildTestCity(dir, { hours: 3, tripsPerDay: 300, requestsPerDay: 200 });
  test = await startTestServer(dir, { rate: 60, tickMs: 50, clockSyncMs: 200, roomGraceMs: 100 });
}, 120_000);

afterAll(() => test.close());

type Client = Socket<ServerEvents, ClientEvents>;
function client(): Client {
  return connect(test.base, { parser: msgpackParser, transports: ['websocket'], forceNew: true, reconnection: false });
}
const connected = (socket: Client) => new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once('connect', () => resolve())));
const metrics = async () =>
  (await (await fetch(`${test.base}/metrics`, { headers: { authorization: `Bearer ${tokens.operator}` } })).json()) as {
    overBudget: { total: number; socketsDropped: number };
    roomsReleased: number;
    rooms: { name: string }[];
  };

describe('a flooding client', () => {
  it.each([
    ['feed:join', { room: 'main', role: 'wall' }],
    ['time:ping', 0],
  ] as const)('sending %s 5 000 times is refused, told and dropped, while a wall of the room keeps its feed', async (event, payload) => {
    const wall = client();
    expect(await wall.timeout(5_000).emitWithAck('feed:join', { room: 'main', role: 'wall' })).toMatchObject({ ok: true });
    const flooder = client();
    await connected(flooder);
    const before = await metrics();
    const replies: { ok: boolean; error?: string }[] = [];
    const kicked = new Promise<{ event: string; reason: string }>((resolve) => flooder.once('hub:kicked', resolve));
    const gone = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    // The wall's feed events while the flood runs: counted from the first message sent to the drop.
    let heard = 0;
    let flooding = true;
    const count = () => flooding && heard++;
    for (const name of ['feed:delta', 'clock:sync', 'feed:trips'] as const) wall.on(name, count);
    const raw = flooder as unknown as { emit(event: string, payload: unknown, ack: (reply: { ok: boolean; error?: string }) => void): void };
    for (let i = 0; i < 5_000; i++) raw.emit(event, payload, (reply) => replies.push(reply));
    expect(await kicked).toEqual({ event, reason: `too many ${event} after being told to slow down; this connection is closed` });
    expect(await gone).toBe('io server disconnect');
    // Until the drop, the wall's room went on: at least one feed event reached it while the flood was being read.
    await new Promise<void>((resolve) => (heard > 0 ? resolve() : wall.once('clock:sync', () => resolve())));
    flooding = false;
    expect(heard).toBeGreaterThan(0);
    const refused = replies.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.error).toBe(`too many ${event}; slow down`);
    // Only the budget and the strikes got an answer; the rest went unread.
    expect(replies.length).toBeLessThan(100);
    const after = await metrics();
    expect(after.overBudget.socketsDropped).toBe(before.overBudget.socketsDropped + 1);
    expect(after.overBudget.total).toBeGreaterThan(before.overBudget.total);
    // The wall is still served: a clock sync after the flood.
    await new Promise((resolve) => wall.once('clock:sync', resolve));
    wall.disconnect();
  });
});

describe('rooms', () => {
  it('refuse junk joins from walls to unknown rooms, which take no slot; rooms staff opened are released once empty', async () => {
    // Forty junk rooms from walls, on fresh sockets so no budget stops them first: none opens.
    for (let i = 0; i < 40; i++) {
      const junk = client();
      const reply = await junk.timeout(5_000).emitWithAck('feed:join', { room: `junk-${i}`, role: 'wall' });
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^there is no room "junk-\d+" on this server/) });
      junk.disconnect();
    }
    expect((await metrics()).rooms.map((r) => r.name)).toEqual(['main']);
    // An operator opens rooms up to the cap, then leaves them all.
    const operators: Client[] = [];
    let full: { ok: boolean; error?: string } | null = null;
    for (let i = 0; i < 40 && !full; i++) {
      const operator = client();
      operators.push(operator);
      const reply = await operator.timeout(5_000).emitWithAck('feed:join', { room: `staff-${i}`, role: 'operator', token: tokens.operator });
      if (!reply.ok) full = reply;
    }
    expect(full?.error).toMatch(/^too many rooms on this server \(32\)/);
    const released = (await metrics()).roomsReleased;
    for (const operator of operators) operator.disconnect();
    // After the grace they are gone, and a planner with its token opens a room.
    await expect.poll(async () => (await metrics()).roomsReleased - released, { timeout: 10_000, interval: 50 }).toBe(31);
    const planner = client();
    expect(await planner.timeout(5_000).emitWithAck('feed:join', { room: 'plan-room', role: 'planner', token: tokens.planner })).toMatchObject({ ok: true, room: 'plan-room' });
    expect((await metrics()).rooms.map((r) => r.name).sort()).toEqual(['main', 'plan-room']);
    planner.disconnect();
  });
});
