import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import { ALL_METHODS, createHttpApp } from '../http/http-app.js';
import { matchesQuery } from '../store/service-requests-table.js';
import { createOpen311Handler, open311Endpoint } from './open311-routes.js';

const stored: ServiceRequest[] = [];
const request = (n: number, status: 'open' | 'closed', code: string, day: number): ServiceRequest => ({
  id: `urn:ngsi-ld:ServiceRequest:test:${n}`,
  type: 'ServiceRequest',
  service_request_id: `R${n}`,
  status,
  status_notes: null,
  service_name: '道路破损',
  service_code: code,
  description: null,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: `2014-06-${String(day).padStart(2, '0')}T08:00:00.000Z`,
  updated_datetime: `2014-06-${String(day).padStart(2, '0')}T08:00:00.000Z`,
  expected_datetime: null,
  address: null,
  address_id: null,
  zipcode: null,
  lat: 31.23,
  long: 121.49,
  media_url: null,
});

let server: FastifyInstance;
let base: string;
beforeAll(async () => {
  for (let n = 1; n <= 30; n++) stored.push(request(n, n % 3 === 0 ? 'closed' : 'open', n % 2 ? 'UM-ROAD' : 'UM-WASTE', 1 + (n % 20)));
  const handler = createOpen311Handler({
    list: async (query) =>
      stored
        .filter((r) => matchesQuery(r, query))
        .sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime) || a.service_request_id.localeCompare(b.service_request_id))
        .slice((query.page - 1) * query.page_size, query.page * query.page_size),
    find: async (id) => {
      const found = stored.find((r) => r.service_request_id === id);
      return found ? { request: found } : null;
    },
    create: async (r) => (stored.push(r), r),
    city: 'test',
    bbox: [121.48, 31.22, 121.52, 31.26],
    apiKey: 'key-1',
  });
  server = createHttpApp({ routes: [{ method: ALL_METHODS, url: '/open311/v2/*', ...open311Endpoint, handler }], logger: pino({ level: 'silent' }) });
  base = `${await server.listen({ port: 0, host: '127.0.0.1' })}/open311/v2`;
});
afterAll(() => server.close());

describe('Open311 GeoReport v2', () => {
  it('lists the services in Chinese by default and in English on request', async () => {
    const zh = (await (await fetch(`${base}/services.json`)).json()) as { service_code: string; service_name: string; metadata: boolean }[];
    expect(zh.find((s) => s.service_code === 'UM-ROAD')).toMatchObject({ service_name: '道路破损', metadata: false });
    const en = (await (await fetch(`${base}/services.json?locale=en`)).json()) as { service_name: string }[];
    expect(en[0]!.service_name).toBe('Damaged road');
  });

  it('filters requests by status, service code and date, newest first, in pages', async () => {
    const get = async (query: string) =>
      (await (await fetch(`${base}/requests.json?${query}`)).json()) as { service_request_id: string; status: string; service_code: string; requested_datetime: string }[];
    const closedRoad = await get('status=closed&service_code=UM-ROAD');
    expect(closedRoad.length).toBe(stored.filter((r) => r.status === 'closed' && r.service_code === 'UM-ROAD').length);
    expect(closedRoad.every((r) => r.status === 'closed' && r.service_code === 'UM-ROAD')).toBe(true);
    const window = await get('start_date=2014-06-05T00:00:00Z&end_date=2014-06-10T23:59:59Z');
    expect(window.every((r) => r.requested_datetime >= '2014-06-05' && r.requested_datetime <= '2014-06-11')).toBe(true);
    const page1 = await get('page_size=7&page=1');
    const page2 = await get('page_size=7&page=2');
    expect(page1).toHaveLength(7);
    expect(page1[0]!.requested_datetime >= page1[6]!.requested_datetime).toBe(true);
    expect(new Set([...page1, ...page2].map((r) => r.service_request_id)).size).toBe(14);
    expect(page1[0]).not.toHaveProperty('type'); // the spec's fields only
  });

  it('answers one request by id, and errors in the spec format', async () => {
    const one = (await (await fetch(`${base}/requests/R7.json`)).json()) as { service_request_id: string }[];
    expect(one).toEqual([expect.objectContaining({ service_request_id: 'R7' })]);
    const missing = await fetch(`${base}/requests/NOPE.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: "no service request 'NOPE'" }]);
    const badQuery = await fetch(`${base}/requests.json?status=lost&page_size=5000`);
    expect(badQuery.status).toBe(400);
    expect(((await badQuery.json()) as { code: number }[])[0]!.code).toBe(400);
    expect((await fetch(`${base}/services.xml`)).status).toBe(400);
  });

  it('creates a valid request and refuses a bad one with the reason', async () => {
    const post = (body: string, type = 'application/x-www-form-urlencoded') => fetch(`${base}/requests.json`, { method: 'POST', headers: { 'content-type': type }, body });
    const created = await post('api_key=key-1&service_code=UM-LIGHT&lat=31.235&long=121.50&description=灯不亮');
    expect(created.status).toBe(201);
    const [receipt] = (await created.json()) as { service_request_id: string }[];
    const stored311 = (await (await fetch(`${base}/requests/${receipt!.service_request_id}.json`)).json()) as { status: string; description: string; service_code: string }[];
    expect(stored311[0]).toMatchObject({ status: 'open', description: '灯不亮', service_code: 'UM-LIGHT' });
    expect((await post(JSON.stringify({ api_key: 'key-1', service_code: 'UM-LIGHT', lat: 31.235, long: 121.5 }), 'application/json')).status).toBe(201);
    expect((await post('api_key=wrong&service_code=UM-LIGHT&lat=31.235&long=121.50')).status).toBe(403);
    expect((await post('api_key=key-1&service_code=NOPE&lat=31.235&long=121.50')).status).toBe(400);
    expect((await post('api_key=key-1&service_code=UM-LIGHT&lat=40&long=116')).status).toBe(400);
    const missing = await post('api_key=key-1&service_code=UM-LIGHT');
    expect(((await missing.json()) as { description: string }[])[0]!.description).toMatch(/lat/);
    expect((await post('{not json', 'application/json')).status).toBe(400);
  });
});
