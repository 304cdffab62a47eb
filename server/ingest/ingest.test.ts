import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import mqtt from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeedEvent } from '../../src/protocol/feed.js';
import { LiveSource } from '../sources/live-source.js';
import type { FastifyInstance } from 'fastify';
import { createHttpApp } from '../http/http-app.js';
import { ingestEndpoint, ingestHandler } from './http-ingest.js';
import { startMqttIngest } from './mqtt-ingest.js';

const station = (temperature: number) => ({
  id: 'urn:ngsi-ld:WeatherObserved:test:station-1',
  type: 'WeatherObserved',
  dateObserved: '2014-06-12T08:00:00+08:00',
  temperature,
  relativeHumidity: 0.7,
});

describe('HTTP ingest', () => {
  let server: FastifyInstance;
  let url: string;
  const live = new LiveSource();
  const received: FeedEvent[] = [];
  live.onEvents((events) => received.push(...events));
  beforeAll(async () => {
    server = createHttpApp({
      routes: [{ method: 'POST', url: '/ingest', ...ingestEndpoint('ingest-secret'), handler: ingestHandler(async (entities) => ({ ok: true, accepted: live.ingest(entities) })) }],
      logger: pino({ level: 'silent' }),
    });
    url = `${await server.listen({ port: 0, host: '127.0.0.1' })}/ingest`;
  });
  afterAll(() => server.close());
  const post = (body: string, token = 'ingest-secret') => fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });

  it('takes valid entities with the token and passes them to the live source at once', async () => {
    const response = await post(JSON.stringify([station(28.5), { ...station(29), id: 'urn:ngsi-ld:WeatherObserved:test:station-2' }]));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 2 });
    expect(received.map((e) => (e.op === 'upsert' ? e.entity.id : ''))).toContain('urn:ngsi-ld:WeatherObserved:test:station-2');
    expect((await live.stateAt(Date.now())).entities.size).toBe(2);
  });

  it('refuses a missing or wrong token, bad JSON, an invalid entity (naming it) and an oversized body, taking nothing', async () => {
    const before = received.length;
    expect((await post(JSON.stringify(station(20)), 'wrong')).status).toBe(401);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await post('{"broken"')).status).toBe(400);
    const invalid = await post(JSON.stringify([station(20), { ...station(20), temperature: 'hot' }]));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { details: string[] }).details[0]).toMatch(/^entity 1: .*temperature/);
    expect((await post('x'.repeat(1_100_000))).status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
    expect(received.length).toBe(before);
  });
});

describe('MQTT ingest against a real mosquitto broker', () => {
  let broker: ChildProcess;
  let port: number;
  beforeAll(async () => {
    if (!existsSync('/usr/sbin/mosquitto')) throw new Error('mosquitto is not installed: apt-get install -y mosquitto');
    port = 20000 + Math.floor(Math.random() * 20000);
    broker = spawn('/usr/sbin/mosquitto', ['-p', String(port)], { stdio: 'ignore' });
    // Wait until the broker accepts connections.
    for (let i = 0; i < 50; i++) {
      const probe = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0, connectTimeout: 500 }).catch(() => null);
      if (probe) {
        await probe.endAsync();
        return;
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error('mosquitto did not start');
  }, 15_000);
  afterAll(() => {
    broker?.kill();
  });

  it('feeds valid messages to the live source and counts bad ones without stopping', async () => {
    const live = new LiveSource();
    const got = new Promise<FeedEvent[]>((ok) => live.onEvents(ok));
    const ingest = startMqttIngest({ url: `mqtt://127.0.0.1:${port}`, topic: 'sandtable/test/ingest' }, async (entities) => ({ ok: true, accepted: live.ingest(entities) }), pino({ level: 'silent' }));
    await new Promise<void>((ok) => ingest.client.once('connect', () => setTimeout(ok, 200)));
    const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`);
    await publisher.publishAsync('sandtable/test/ingest', 'not json', { qos: 1 });
    await publisher.publishAsync('sandtable/test/ingest', JSON.stringify({ ...station(30), temperature: 999 }), { qos: 1 });
    await publisher.publishAsync('sandtable/test/ingest', JSON.stringify(station(31.5)), { qos: 1 });
    const events = await got;
    expect(events[0]).toMatchObject({ op: 'upsert', entity: { type: 'WeatherObserved', temperature: 31.5 } });
    // The count follows the store's answer, a turn after the live source took the entity.
    await vi.waitFor(() => expect(ingest.stats).toEqual({ accepted: 1, rejected: 2, storeFailed: 0 }));
    await publisher.endAsync();
    await ingest.close();
  }, 20_000);
});
