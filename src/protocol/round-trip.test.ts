import { describe, expect, it } from 'vitest';
import { Decoder, Encoder } from 'socket.io-msgpack-parser';
import { entitySchema, type Entity } from './entities';
import { feedEventSchema, type FeedEvent } from './feed';
import { encodeTripWindow, reviveTripWindow } from './feed-wire';

/** Sends a value through the socket.io msgpack parser as the payload of an event packet, as on the wire. */
function wire(value: unknown): { value: unknown; bytes: number } {
  const encoded = new Encoder().encode({ type: 2, nsp: '/', data: ['event', value] }) as unknown as ArrayBuffer[] | ArrayBuffer;
  const buffer = Array.isArray(encoded) ? encoded[0]! : encoded;
  let out: unknown;
  const decoder = new Decoder();
  decoder.on('decoded', (packet: { data: [string, unknown] }) => (out = packet.data[1]));
  decoder.add(buffer);
  return { value: out, bytes: (buffer as ArrayBuffer).byteLength };
}

const entities: Entity[] = [
  {
    id: 'urn:ngsi-ld:WeatherObserved:c:s',
    type: 'WeatherObserved',
    dateObserved: '2014-06-12T08:00:00+08:00',
    temperature: 28.4,
    relativeHumidity: 0.81,
    windSpeed: 3.2,
    windDirection: 135,
    precipitation: null,
    location: { type: 'Point', coordinates: [121.44, 31.21] },
  },
  {
    id: 'urn:ngsi-ld:TrafficFlowObserved:c:g12',
    type: 'TrafficFlowObserved',
    dateObserved: '2014-06-12T08:05:00+08:00',
    refRoadSegment: 'g12',
    averageVehicleSpeed: 23.5,
    occupancy: 0.31,
    intensity: 42,
    congested: true,
  },
  { id: 'urn:ngsi-ld:OffStreetParking:c:way-1', type: 'OffStreetParking', totalSpotNumber: 120, availableSpotNumber: 7, occupancy: 0.942, status: ['almostFull'] },
  { id: 'urn:ngsi-ld:ParkingSpot:c:1', type: 'ParkingSpot', status: 'occupied', refParkingSite: 'urn:ngsi-ld:OffStreetParking:c:way-1' },
  { id: 'urn:ngsi-ld:Device:c:rack-7', type: 'Device', category: ['sensor'], controlledProperty: ['temperature'], deviceState: 'ok', value: '24.5' },
  {
    id: 'urn:ngsi-ld:ServiceRequest:c:1',
    type: 'ServiceRequest',
    service_request_id: '1',
    status: 'open',
    status_notes: null,
    service_name: '路灯故障',
    service_code: 'UM-LIGHT',
    description: '灯不亮',
    agency_responsible: null,
    service_notice: null,
    requested_datetime: '2014-06-12T01:00:00.000Z',
    updated_datetime: '2014-06-12T01:00:00.000Z',
    expected_datetime: null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: 31.23,
    long: 121.49,
    media_url: null,
  },
];

describe('protocol round trip', () => {
  it.each(entities.map((e) => [e.type, e] as const))('%s survives schema → msgpack → schema unchanged', (_, entity) => {
    const parsed = entitySchema.parse(entity);
    expect(entitySchema.parse(wire(parsed).value)).toEqual(parsed);
  });

  it('feed events of every kind survive the round trip', () => {
    const events: FeedEvent[] = [
      { op: 'upsert', t: 1, entity: entities[0]! },
      { op: 'remove', t: 2, id: 'x' },
      { op: 'trip', t: 3, trip: { id: 'a', category: 'bus', times: [3, 4], coords: [121.4, 31.2, 121.5, 31.3] } },
      { op: 'trip', t: 5, trip: { id: 'b', category: 'car', edges: [4, 9], enter: [5, 9], end: 20 } },
    ];
    for (const event of events) expect(feedEventSchema.parse(wire(feedEventSchema.parse(event)).value)).toEqual(event);
  });

  it('a trajectory window travels as binary and comes back as the same typed arrays', () => {
    const window = encodeTripWindow([{ id: 'v1', category: 'taxi', times: [0, 10_000, 20_000], coords: [121.49, 31.23, 121.495, 31.231, 121.5, 31.24] }], 0, 20_000, [121.5, 31.235]);
    const sent = wire(window);
    // Binary, not arrays of numbers: the whole window is a few dozen bytes per sample at most.
    expect(sent.bytes).toBeLessThan(220);
    const back = reviveTripWindow(sent.value as typeof window);
    expect(back.positions).toBeInstanceOf(Float32Array);
    expect([...back.positions]).toEqual([...window.positions]);
    expect([...back.offsets]).toEqual([0, 3]);
    expect(back.ids).toEqual(['v1']);
  });

  it('schemas refuse what they must: a bad type, an out-of-range value, a trip whose times go back', () => {
    expect(entitySchema.safeParse({ ...entities[0], type: 'Nope' }).success).toBe(false);
    expect(entitySchema.safeParse({ ...entities[0], relativeHumidity: 81 }).success).toBe(false);
    expect(feedEventSchema.safeParse({ op: 'trip', t: 0, trip: { id: 'a', category: 'car', times: [5, 4], coords: [0, 0, 1, 1] } }).success).toBe(false);
  });
});
