/** The link to the hub: connects, says hello, keeps the clock and status in the store, reconnects forever. */
import { io, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { clockSyncSchema } from '../protocol/clock';
import type { ClientEvents, ServerEvents, Surface } from '../protocol/events';
import type { AppStore } from '../store/app-store';

/** A live hub connection. */
export interface HubConnection {
  socket: Socket<ServerEvents, ClientEvents>;
  /** Disconnects and removes every listener. */
  close: () => void;
}

/** Connects a surface to the hub of the page's own server. */
export function connectHub(store: AppStore, surface: Surface): HubConnection {
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
        state().resetClockSync(welcome.clock);
        state().setConnectionStatus('connected');
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
