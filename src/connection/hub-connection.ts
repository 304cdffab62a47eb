/** The link to the hub: connects, says hello, keeps the clock and status in the store, reconnects forever. */
import { io, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { z } from 'zod';
import { clockSyncSchema } from '../protocol/clock';
import type { ClientEvents, ServerEvents, Surface } from '../protocol/events';
import type { AppStore } from '../store/app-store';

/** A live hub connection. */
export interface HubConnection {
  socket: Socket<ServerEvents, ClientEvents>;
  /** Disconnects and removes every listener. */
  close: () => void;
}

/** The part of a `feed:join` reply the link needs: the room's clock. */
const joinReplySchema = z.object({ ok: z.literal(true), clock: clockSyncSchema });

/** Room names are short slugs; anything else falls back to the default hall. */
export function pickRoom(requested: string | null): string {
  return requested && /^[a-z0-9][a-z0-9-]{0,31}$/.test(requested) ? requested : 'main';
}

/** Connects a surface to the hub of the page's own server and joins its hall's room. */
export function connectHub(store: AppStore, surface: Surface, room = 'main'): HubConnection {
  const socket: Socket<ServerEvents, ClientEvents> = io({
    parser: msgpackParser,
    transports: ['websocket'],
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 500,
    reconnectionDelayMax: 4_000,
    timeout: 8_000,
  });
  const state = () => store.getState();
  let closed = false;

  const estimateOffset = async () => {
    const sentAt = Date.now();
    const reply = await socket.timeout(5_000).emitWithAck('time:ping', sentAt);
    if (!reply.ok) return;
    const receivedAt = Date.now();
    // NTP-style: the server read its clock about halfway through the round trip.
    state().setServerOffset(reply.serverTimeMs - (sentAt + receivedAt) / 2);
  };

  // Where the server runs the city feed, each hall's room owns its clock: join it and take that clock.
  const joinRoom = async () => {
    const untyped = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };
    const reply = await untyped
      .timeout(8_000)
      .emitWithAck('feed:join', { room, role: surface })
      .catch(() => null);
    const joined = joinReplySchema.safeParse(reply);
    if (joined.success) state().resetClockSync(joined.data.clock);
  };

  socket.on('connect', () => {
    socket
      .timeout(8_000)
      .emitWithAck('hello', { surface })
      .then(async (reply) => {
        if (!reply.ok) throw new Error(reply.error);
        const { welcome } = reply;
        const previous = state().connection.serverVersion;
        if (previous && previous !== welcome.serverVersion) {
          // A new server build: reload to pick up the matching front end.
          location.reload();
          return;
        }
        state().setServerVersion(welcome.serverVersion);
        await estimateOffset().catch(() => undefined);
        // A restarted server starts its revisions again: accept its clock as the new truth.
        const welcomeClock = clockSyncSchema.safeParse((welcome as { clock?: unknown }).clock);
        if (welcomeClock.success) state().resetClockSync(welcomeClock.data);
        state().setConnectionStatus('connected');
        await joinRoom();
      })
      .catch(() => {
        // No welcome: start over after a pause rather than spin against a struggling server.
        socket.disconnect();
        setTimeout(() => !closed && socket.connect(), 2_000);
      });
  });
  socket.on('disconnect', () => state().setConnectionStatus('reconnecting'));
  socket.on('connect_error', () => {
    if (state().connection.status === 'connected') state().setConnectionStatus('reconnecting');
  });
  socket.on('clock:sync', (raw) => {
    const sync = clockSyncSchema.safeParse(raw);
    if (sync.success) state().receiveClockSync(sync.data);
  });

  return {
    socket,
    close: () => {
      closed = true;
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
