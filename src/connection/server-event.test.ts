import { describe, expect, it } from 'vitest';
import { encodeTripWindow, type TripWindow } from '../protocol/feed-wire';
import type { ServerEventName } from '../protocol/socket-events';
import type { HubSocket } from './hub-socket';
import { onServerEvent, readServerEvent, tripWindowFrom } from './server-event';

/** A socket stand-in that keeps its listeners, so a test can deliver what the server would send. */
function listeningSocket() {
  const listeners = new Map<string, (raw: unknown) => void>();
  const socket = {
    on: (event: string, listener: (raw: unknown) => void) => listeners.set(event, listener),
    off: (event: string, listener: (raw: unknown) => void) => listeners.get(event) === listener && listeners.delete(event),
  } as unknown as HubSocket;
  return { socket, deliver: (event: string, raw: unknown) => listeners.get(event)?.(raw), listening: (event: string) => listeners.has(event) };
}

const T0 = 1_700_000_000_000;
const window = encodeTripWindow([{ id: 'veh-1', category: 'car', times: [T0, T0 + 10_000], coords: [121.49, 31.24, 121.5, 31.25] }], T0, T0 + 10_000, [121.49, 31.24]);
/** The window as msgpack hands it over: every typed array as bytes. */
const onTheWire = (w: TripWindow) => ({
  ...w,
  categories: new Uint8Array(w.categories.buffer),
  offsets: new Uint8Array(w.offsets.buffer),
  times: new Uint8Array(w.times.buffer),
  positions: new Uint8Array(w.positions.buffer),
});
const flow = (id: string) => ({ id, type: 'TrafficFlowObserved', dateObserved: '2014-06-12T08:00:00+08:00', refRoadSegment: 'way-1', averageVehicleSpeed: 31.5 });
const sync = { simTimeMs: T0, serverTimeMs: T0, rate: 60, playing: true, revision: 2 };

describe('onServerEvent', () => {
  it('hands a payload that validates to the handler and counts nothing', () => {
    const { socket, deliver } = listeningSocket();
    const got: unknown[] = [];
    const invalid: ServerEventName[] = [];
    onServerEvent(
      socket,
      'clock:sync',
      (payload) => got.push(payload),
      (event) => invalid.push(event),
    );
    deliver('clock:sync', sync);
    expect(got).toEqual([sync]);
    expect(invalid).toEqual([]);
  });

  it('drops an invalid server event and reports it, without calling the handler or throwing', () => {
    const { socket, deliver } = listeningSocket();
    const got: unknown[] = [];
    const invalid: ServerEventName[] = [];
    onServerEvent(
      socket,
      'clock:sync',
      (payload) => got.push(payload),
      (event) => invalid.push(event),
    );
    for (const raw of [{ ...sync, rate: 'fast' }, { ...sync, revision: undefined }, null, 'tick']) deliver('clock:sync', raw);
    expect(got).toEqual([]);
    expect(invalid).toEqual(['clock:sync', 'clock:sync', 'clock:sync', 'clock:sync']);
  });

  it('stops listening when told', () => {
    const { socket, listening } = listeningSocket();
    const off = onServerEvent(
      socket,
      'scenario:job',
      () => undefined,
      () => undefined,
    );
    expect(listening('scenario:job')).toBe(true);
    off();
    expect(listening('scenario:job')).toBe(false);
  });
});

describe('readServerEvent', () => {
  it('rebuilds a trip window from the wire and refuses one whose parts do not fit', () => {
    const read = readServerEvent('feed:trips', onTheWire(window));
    expect(read?.times).toBeInstanceOf(Float32Array);
    expect(read?.times).toEqual(window.times);
    expect(readServerEvent('feed:trips', { ...onTheWire(window), ids: ['veh-1', 'veh-2'] })).toBeNull();
    expect(readServerEvent('feed:trips', { ...onTheWire(window), times: new Uint8Array(3) })).toBeNull();
    expect(readServerEvent('feed:trips', { ...onTheWire(window), origin: 'bund' })).toBeNull();
    expect(tripWindowFrom(undefined)).toBeNull();
  });

  it('keeps the good entities of a snapshot and drops a bad one, but refuses a snapshot without a valid window', () => {
    const snapshot = { room: 'main', t: T0, entities: [flow('urn:a'), { id: 'urn:b', type: 'TrafficFlowObserved' }], trips: onTheWire(window) };
    expect(readServerEvent('feed:snapshot', snapshot)?.entities.map((e) => e.id)).toEqual(['urn:a']);
    expect(readServerEvent('feed:snapshot', { ...snapshot, trips: { ...onTheWire(window), ids: [] } })).toBeNull();
    expect(readServerEvent('feed:snapshot', { ...snapshot, entities: 'all' })).toBeNull();
    expect(readServerEvent('feed:snapshot', { ...snapshot, t: 'now' })).toBeNull();
  });

  it("keeps a delta's good events and drops a bad one", () => {
    const delta = {
      room: 'main',
      from: T0,
      to: T0 + 1_000,
      events: [
        { op: 'upsert', t: T0, entity: flow('urn:a') },
        { op: 'upsert', t: T0, entity: { id: 'urn:b' } },
        { op: 'remove', t: T0, id: 'urn:c' },
        { op: 'remove', t: T0, id: 7 },
      ],
    };
    expect(readServerEvent('feed:delta', delta)?.events.map((e) => e.op)).toEqual(['upsert', 'remove']);
    expect(readServerEvent('feed:delta', { ...delta, room: undefined })).toBeNull();
  });
});
