import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simTimeAt, type ClockSync } from '../../src/protocol/clock.js';
import type { FeedEvent } from '../../src/protocol/feed.js';
import { positionInWindow, reviveTripWindow, type FeedDelta, type FeedSnapshot, type TripWindow } from '../../src/protocol/feed-wire.js';
import { RecordingWriter } from '../recording/recording-writer.js';
import { ReplaySource } from '../sources/replay-source.js';
import type { HubServer } from '../hub/hub.js';
import { CLIENT_EVENTS } from '../../src/protocol/socket-events.js';
import { SocketBudget } from '../hub/socket-budget.js';
import { attachFeed } from './feed-hub.js';
import { FeedMetrics } from './metrics.js';

const T0 = Date.UTC(2026, 5, 1, 0, 0, 0);
const tokens = { operator: 'op-secret', planner: 'plan-secret' };

function events(): FeedEvent[] {
  const out: FeedEvent[] = [];
  for (let i = 0; i < 240; i++) {
    const t = T0 + i * 30_000;
    out.push({
      op: 'upsert',
      t,
      entity: { id: `urn:ngsi-ld:OffStreetParking:test:${i % 3}`, type: 'OffStreetParking', totalSpotNumber: 100, availableSpotNumber: i % 100 },
    });
    if (i % 10 === 0) out.push({ op: 'trip', t, trip: { id: `car-${i}`, category: 'car', times: [t, t + 600_000], coords: [121.49, 31.23, 121.51, 31.24] } });
  }
  return out;
}

let http: HttpServer;
let url: string;
let stop: () => void;
let ioServer: HubServer;
const clients: ClientSocket[] = [];
const released: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'feed-'));
  const writer = await RecordingWriter.create(dir, { city: 'test-city', source: 'test', chunkMs: 3_600_000 });
  await writer.write(events());
  await writer.close();
  http = createServer();
  ioServer = new Server(http, { parser: msgpackParser, serveClient: false });
  // A socket that asks for it floods on purpose (the malformed-message test): it gets budgets no flood reaches.
  const unlimited = { burst: 1e9, perSecond: 1e9 };
  ioServer.use((socket, next) => {
    if ((socket.handshake.auth as { unlimited?: boolean }).unlimited)
      socket.data.budget = new SocketBudget({ overrides: { 'feed:join': unlimited, 'clock:command': unlimited, 'visitor:action': unlimited, unknown: unlimited, strikes: unlimited } });
    next();
  });
  const feed = attachFeed(ioServer, {
    logger: pino({ level: 'silent' }),
    metrics: new FeedMetrics(),
    source: await ReplaySource.open(dir),
    origin: [121.5, 31.235],
    tokens,
    rate: 1,
    tickMs: 50,
    halls: ['hall-a', 'hall-b', 'hall-c', 'hall-d', 'hall-e'],
    roomGraceMs: 100,
    onRelease: (name) => void released.push(name),
  });
  stop = feed.stop;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of clients) client.close();
  stop();
  await new Promise<void>((resolve) => ioServer.close(() => resolve()));
});

function client(auth: { unlimited?: boolean } = {}): ClientSocket {
  const socket = connect(url, { parser: msgpackParser, transports: ['websocket'], forceNew: true, auth });
  clients.push(socket);
  return socket;
}

type Reply = { ok: boolean; error?: string; clock?: ClockSync };
const request = (socket: ClientSocket, event: string, payload: unknown): Promise<Reply> => socket.timeout(5000).emitWithAck(event, payload) as Promise<Reply>;
const next = <T>(socket: ClientSocket, event: string): Promise<T> => new Promise((resolve) => socket.once(event, resolve));

describe('the feed hub', () => {
  it('gives a joining client the whole world, then deltas and a trajectory window', async () => {
    const wall = client();
    const snapshotP = next<FeedSnapshot>(wall, 'feed:snapshot');
    const reply = await request(wall, 'feed:join', { room: 'hall-a', role: 'wall' });
    expect(reply.ok).toBe(true);
    const snapshot = await snapshotP;
    expect(snapshot.room).toBe('hall-a');
    expect(snapshot.entities.length).toBeGreaterThan(0);
    const window = reviveTripWindow(snapshot.trips as TripWindow);
    expect(window.ids.length).toBeGreaterThan(0);
    expect(window.positions).toBeInstanceOf(Float32Array);
    const position = positionInWindow(window, 0, snapshot.t);
    expect(position![0]).toBeGreaterThanOrEqual(121.49 - 1e-6);
    // At 600× the clock crosses a 30 s update every 50 ms tick.
    const operator = client();
    expect((await request(operator, 'feed:join', { room: 'hall-a', role: 'operator', token: tokens.operator })).ok).toBe(true);
    const deltaP = next<FeedDelta>(wall, 'feed:delta');
    expect((await request(operator, 'clock:command', { rate: 600 })).ok).toBe(true);
    const delta = await deltaP;
    expect(delta.events.length).toBeGreaterThan(0);
    expect(delta.to).toBeGreaterThan(delta.from);
  });

  it('keeps two clients of a room on the same instant', async () => {
    const a = client();
    const b = client();
    const [ra, rb] = await Promise.all([request(a, 'feed:join', { room: 'hall-b', role: 'wall' }), request(b, 'feed:join', { room: 'hall-b', role: 'wall' })]);
    const now = Date.now();
    // Both derive sim time from the server's sync; at rate 1 they must agree within one frame.
    expect(Math.abs(simTimeAt(ra.clock!, now) - simTimeAt(rb.clock!, now))).toBeLessThan(1000 / 60);
  });

  it('lets only operator and planner steer the clock, each with its token', async () => {
    const kiosk = client();
    await request(kiosk, 'feed:join', { room: 'hall-c', role: 'kiosk' });
    expect(await request(kiosk, 'clock:command', { playing: false })).toEqual({ ok: false, error: 'the kiosk role may not change the clock' });
    const impostor = client();
    expect(await request(impostor, 'feed:join', { room: 'hall-c', role: 'operator', token: 'guess' })).toEqual({ ok: false, error: 'the operator role needs a valid token' });
    expect((await request(impostor, 'clock:command', { playing: false })).error).toBe('join a room first');
    const planner = client();
    expect((await request(planner, 'feed:join', { room: 'hall-c', role: 'planner', token: tokens.planner })).ok).toBe(true);
    const sync = next<ClockSync>(kiosk, 'clock:sync');
    const reply = await request(planner, 'clock:command', { playing: false, simTimeMs: T0 + 3_600_000 });
    expect(reply.ok).toBe(true);
    expect((await sync).playing).toBe(false);
    expect((await request(planner, 'clock:command', { rate: 100_000 })).error).toMatch(/invalid clock command/);
  });

  it('tells a joining client the extent of the replay, and lets the operator seek, pause and set the rate across it', async () => {
    const wall = client();
    const joined = (await request(wall, 'feed:join', { room: 'hall-e', role: 'wall' })) as Reply & { extent?: { startMs: number; endMs: number } | null };
    // The recording's span: its first chunk's start to its last chunk's end.
    expect(joined.extent).toEqual({ startMs: T0, endMs: T0 + 2 * 3_600_000 });
    expect(await request(wall, 'clock:command', { playing: false })).toEqual({ ok: false, error: 'the wall role may not change the clock' });
    const operator = client();
    expect((await request(operator, 'feed:join', { room: 'hall-e', role: 'operator', token: tokens.planner })).error).toBe('the operator role needs a valid token');
    expect((await request(operator, 'feed:join', { room: 'hall-e', role: 'operator', token: tokens.operator })).ok).toBe(true);
    for (const simTimeMs of [joined.extent!.startMs, joined.extent!.endMs - 1, T0 + 5_400_000]) {
      const heard = next<ClockSync>(wall, 'clock:sync');
      const reply = await request(operator, 'clock:command', { simTimeMs, playing: false, rate: 300 });
      expect(reply.clock).toMatchObject({ simTimeMs, playing: false, rate: 300 });
      expect(await heard).toMatchObject({ simTimeMs, playing: false, rate: 300 });
    }
  });

  it('rate-limits kiosk actions by their budget, shows them on the wall and refuses actions from a wall', async () => {
    const wall = client();
    const kiosk = client();
    await request(wall, 'feed:join', { room: 'hall-d', role: 'wall' });
    await request(kiosk, 'feed:join', { room: 'hall-d', role: 'kiosk' });
    const shown = next<{ kind: string; from: string }>(wall, 'visitor:action');
    const replies: Reply[] = [];
    // The table's budget: 5 at once, then 2 a second; eight in a row outrun it.
    for (let i = 0; i < 8; i++) replies.push(await request(kiosk, 'visitor:action', { kind: 'cast-view', viewId: 'skyline' }));
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(CLIENT_EVENTS['visitor:action'].budget.burst);
    expect(replies.filter((r) => r.ok).length).toBeLessThan(8);
    expect(replies.at(-1)).toEqual({ ok: false, error: 'too many visitor:action; slow down' });
    expect(await shown).toMatchObject({ kind: 'cast-view', from: 'kiosk' });
    expect((await request(wall, 'visitor:action', { kind: 'select', id: 'x' })).error).toBe('a wall does not send visitor actions');
  });

  it('lets walls and kiosks join only open rooms, staff open others, and releases an empty one after the grace', async () => {
    const wall = client();
    const refused = await request(wall, 'feed:join', { room: 'side-hall', role: 'wall' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^there is no room "side-hall" on this server \(its halls: hall-a, .*\); an operator or planner opens other rooms$/);
    expect((await request(client(), 'feed:join', { room: 'side-hall', role: 'kiosk' })).ok).toBe(false);
    const operator = client();
    expect((await request(operator, 'feed:join', { room: 'side-hall', role: 'operator', token: tokens.operator })).ok).toBe(true);
    expect((await request(wall, 'feed:join', { room: 'side-hall', role: 'wall' })).ok).toBe(true);
    // Both leave: the room waits out its grace, then goes, with the owner's cleanup.
    const releasedNow = new Promise<void>((resolve) => {
      const poll = setInterval(() => released.includes('side-hall') && (clearInterval(poll), resolve()), 20);
    });
    operator.disconnect();
    expect((await request(wall, 'feed:join', { room: 'hall-a', role: 'wall' })).ok).toBe(true);
    await releasedNow;
    expect((await request(client(), 'feed:join', { room: 'side-hall', role: 'wall' })).ok).toBe(false);
    // A hall stays however often it empties.
    wall.disconnect();
    expect((await request(client(), 'feed:join', { room: 'hall-a', role: 'kiosk' })).ok).toBe(true);
  });

  it('sends a socket one snapshot for its room: a re-join of the room it is in gets the ack alone', async () => {
    // At 600× the room sends a delta every tick.
    const operator = client();
    expect((await request(operator, 'feed:join', { room: 'hall-b', role: 'operator', token: tokens.operator })).ok).toBe(true);
    expect((await request(operator, 'clock:command', { rate: 600, playing: true })).ok).toBe(true);
    await next<FeedDelta>(operator, 'feed:delta');
    const wall = client();
    const snapshots: FeedSnapshot[] = [];
    wall.on('feed:snapshot', (snapshot: FeedSnapshot) => snapshots.push(snapshot));
    const deltas: FeedDelta[] = [];
    wall.on('feed:delta', (delta: FeedDelta) => deltas.push(delta));
    expect((await request(wall, 'feed:join', { room: 'hall-b', role: 'wall' })).ok).toBe(true);
    await next<FeedDelta>(wall, 'feed:delta');
    // The joiner's snapshot stands at the instant the room had sent, and its deltas go on from exactly there.
    expect(snapshots).toHaveLength(1);
    expect(deltas[0]!.from).toBe(snapshots[0]!.t);
    for (let i = 0; i < 4; i++) expect((await request(wall, 'feed:join', { room: 'hall-b', role: i % 2 ? 'kiosk' : 'wall' })).ok).toBe(true);
    // The room's next delta goes out after any snapshot those joins could have caused.
    await next<FeedDelta>(wall, 'feed:delta');
    expect(snapshots).toHaveLength(1);
  });

  it('answers 10 000 random malformed messages with error replies and keeps serving', async () => {
    const socket = client({ unlimited: true });
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    let errorReplies = 0;
    socket.on('error:reply', () => errorReplies++);
    const events = fc.constantFrom('feed:join', 'clock:command', 'visitor:action', 'no-such-event', '__proto__');
    const samples = fc.sample(fc.tuple(events, fc.anything({ withNullPrototype: true, withTypedArray: true, withSparseArray: true, maxDepth: 3 }), fc.boolean()), { numRuns: 10_000, seed: 42 });
    let acked = 0;
    await Promise.all(
      samples.map(async ([event, payload, withAck]) => {
        if (withAck) {
          const reply = (await socket
            .timeout(20_000)
            .emitWithAck(event, payload)
            .catch(() => null)) as Reply | null;
          if (reply && reply.ok === false) acked++;
        } else socket.emit(event, payload);
      }),
    );
    const probe = client();
    expect((await request(probe, 'feed:join', { room: 'hall-e', role: 'wall' })).ok).toBe(true);
    // Every message with an acknowledgement was refused through it; the others through error:reply.
    expect(acked + errorReplies).toBeGreaterThan(9_000);
  }, 60_000);
});
