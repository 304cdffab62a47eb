import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import { createHttpApp } from '../http/http-app.js';
import type { HttpRoute } from '../http/http-route.js';
import { matchesQuery } from '../store/service-requests-table.js';
import {
  createOpen311Handler,
  OPEN311_POST_LIMIT,
  OPEN311_POSTS_PER_MINUTE,
  OPEN311_READ_LIMIT,
  OPEN311_READ_METHODS,
  OPEN311_READS_PER_MINUTE,
  open311Endpoint,
  type Open311Deps,
} from './open311-routes.js';

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

/** The hall's sim instant and the real time the test server sees. */
const SIM_MS = Date.parse('2014-06-12T10:30:00+08:00');
const REAL_MS = Date.parse('2026-12-02T08:00:00Z');
const PLACED_ADDRESS = 'Corner Bank, Row 1 Road';

/** The Open311 rows as the route table has them; `limits: false` leaves them unlimited, for tests that post many times. */
function open311Rows(deps: Open311Deps, limits = true): HttpRoute[] {
  const handler = createOpen311Handler(deps);
  return [
    { method: 'POST', url: '/open311/v2/*', ...open311Endpoint, ...(limits ? { rateLimit: OPEN311_POST_LIMIT } : {}), handler },
    { method: OPEN311_READ_METHODS, url: '/open311/v2/*', ...open311Endpoint, ...(limits ? { rateLimit: OPEN311_READ_LIMIT } : {}), handler },
  ];
}

const deps: Open311Deps = {
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
  simTime: () => SIM_MS,
  now: () => REAL_MS,
  locate: async (address) => (address.includes('Corner Bank') ? [121.5, 31.24] : null),
};

let server: FastifyInstance;
let base: string;
beforeAll(async () => {
  for (let n = 1; n <= 30; n++) stored.push(request(n, n % 3 === 0 ? 'closed' : 'open', n % 2 ? 'UM-ROAD' : 'UM-WASTE', 1 + (n % 20)));
  server = createHttpApp({ routes: open311Rows(deps, false), logger: pino({ level: 'silent' }) });
  base = `${await server.listen({ port: 0, host: '127.0.0.1' })}/open311/v2`;
});
afterAll(() => server.close());

const post = (body: string, type = 'application/x-www-form-urlencoded', query = '') =>
  fetch(`${base}/requests.json${query}`, { method: 'POST', ...(type ? { headers: { 'content-type': type } } : {}), body });
/** The spec's error body of a response, checked to be exactly `[{ code, description }]` with the status as code. */
async function specError(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { code: number; description: string }[];
  expect(body).toEqual([{ code: response.status, description: expect.any(String) }]);
  return body[0]!.description;
}
const getOne = async (id: string) => ((await (await fetch(`${base}/requests/${id}.json`)).json()) as Record<string, unknown>[])[0]!;
const receiptId = async (response: Response) => ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;

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
    const created = await post('api_key=key-1&service_code=UM-LIGHT&lat=31.235&long=121.50&description=灯不亮');
    expect(created.status).toBe(201);
    const [receipt] = (await created.json()) as { service_request_id: string }[];
    const stored311 = (await (await fetch(`${base}/requests/${receipt!.service_request_id}.json`)).json()) as { status: string; description: string; service_code: string }[];
    expect(stored311[0]).toMatchObject({ status: 'open', description: '灯不亮', service_code: 'UM-LIGHT' });
    expect((await post(JSON.stringify({ api_key: 'key-1', service_code: 'UM-LIGHT', lat: 31.235, long: 121.5 }), 'application/json')).status).toBe(201);
    expect((await post('api_key=wrong&service_code=UM-LIGHT&lat=31.235&long=121.50')).status).toBe(403);
    expect((await post('api_key=key-1&service_code=NOPE&lat=31.235&long=121.50')).status).toBe(400);
    expect((await post('api_key=key-1&service_code=UM-LIGHT&lat=40&long=116')).status).toBe(400);
    expect((await post('{not json', 'application/json')).status).toBe(400);
  });

  it('honours OPEN311_API_KEY: 403 in the spec format without a key or with a wrong one, 201 with it in the body or the query', async () => {
    const without = await post('service_code=UM-LIGHT&lat=31.235&long=121.50');
    expect(without.status).toBe(403);
    expect(await specError(without)).toBe('a valid api_key is required');
    const wrong = await post(JSON.stringify({ api_key: 'key-2', service_code: 'UM-LIGHT', lat: 31.235, long: 121.5 }), 'application/json');
    expect(wrong.status).toBe(403);
    expect(await specError(wrong)).toBe('a valid api_key is required');
    expect((await post('api_key=key-1&service_code=UM-LIGHT&lat=31.235&long=121.50')).status).toBe(201);
    expect((await post('service_code=UM-LIGHT&lat=31.235&long=121.50', undefined, '?api_key=key-1')).status).toBe(201);
  });

  it('stamps a post with the hall’s sim instant and, apart, the real time it was received; its id comes from the injected clock', async () => {
    const created = await post('api_key=key-1&service_code=UM-ROAD&lat=31.24&long=121.49');
    const id = await receiptId(created);
    expect(id.startsWith(`W${REAL_MS.toString(36).toUpperCase()}`)).toBe(true);
    const one = await getOne(id);
    expect(one).toMatchObject({ requested_datetime: new Date(SIM_MS).toISOString(), updated_datetime: new Date(SIM_MS).toISOString(), received_datetime: new Date(REAL_MS).toISOString() });
    // In the replayed day's window of the list, as the walls see it.
    const listed = (await (await fetch(`${base}/requests.json?start_date=2014-06-12T00:00:00%2B08:00&end_date=2014-06-12T23:59:59%2B08:00`)).json()) as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).toContain(id);
  });

  it('takes only http(s) media URLs', async () => {
    for (const media of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://example.org/a.jpg', 'not a url']) {
      const refused = await post(`api_key=key-1&service_code=UM-LIGHT&lat=31.235&long=121.50&media_url=${encodeURIComponent(media)}`);
      expect(refused.status, media).toBe(400);
      expect(await specError(refused)).toContain('media_url must be an http or https URL');
    }
    const created = await post(`api_key=key-1&service_code=UM-LIGHT&lat=31.235&long=121.50&media_url=${encodeURIComponent('https://example.org/lamp.jpg')}`);
    expect(created.status).toBe(201);
    expect(await getOne(await receiptId(created))).toMatchObject({ media_url: 'https://example.org/lamp.jpg' });
  });

  it('takes address_string alone as a location: placed where the city names it, else kept without coordinates', async () => {
    const placed = await post(`api_key=key-1&service_code=UM-COVER&address_string=${encodeURIComponent(PLACED_ADDRESS)}`);
    expect(placed.status).toBe(201);
    expect(await getOne(await receiptId(placed))).toMatchObject({ address: PLACED_ADDRESS, lat: 31.24, long: 121.5 });
    const unplaced = await post(JSON.stringify({ api_key: 'key-1', service_code: 'UM-COVER', address_string: '无名小巷 7 号' }), 'application/json');
    expect(unplaced.status).toBe(201);
    expect(await getOne(await receiptId(unplaced))).toMatchObject({ address: '无名小巷 7 号', lat: null, long: null });
    // Coordinates given win over the address; a blank form field counts as absent.
    const both = await post(`api_key=key-1&service_code=UM-COVER&lat=31.23&long=121.49&address_string=${encodeURIComponent(PLACED_ADDRESS)}&media_url=`);
    expect(await getOne(await receiptId(both))).toMatchObject({ lat: 31.23, long: 121.49, media_url: null });
  });

  it('refuses a post with no location, half a location or only an address_id, and an unknown service_code, in the spec format', async () => {
    const none = await post('api_key=key-1&service_code=UM-LIGHT&description=x');
    expect(none.status).toBe(400);
    expect(await specError(none)).toBe('location: a location is required: lat & long, or address_string');
    const blank = await post('api_key=key-1&service_code=UM-LIGHT&lat=&long=&address_string=+');
    expect(await specError(blank)).toContain('a location is required: lat & long, or address_string');
    const latOnly = await post('api_key=key-1&service_code=UM-LIGHT&lat=31.235');
    expect(latOnly.status).toBe(400);
    expect(await specError(latOnly)).toBe('long: lat and long go together: give both, or address_string');
    const idOnly = await post('api_key=key-1&service_code=UM-LIGHT&address_id=A-17');
    expect(idOnly.status).toBe(400);
    expect(await specError(idOnly)).toContain('this city has no address_id register');
    const unknown = await post('api_key=key-1&service_code=UM-NOPE&lat=31.235&long=121.50');
    expect(unknown.status).toBe(400);
    expect(await specError(unknown)).toBe("service_code 'UM-NOPE' is not offered; see services.json");
  });

  it('answers malformed percent-encoding in the path, the query or a form with a 400 in the spec format', async () => {
    const path = await fetch(`${base}/requests/%E0%A4%A.json`);
    expect(path.status).toBe(400);
    expect(await specError(path)).toBe('the address is not valid percent-encoded UTF-8');
    const query = await fetch(`${base}/requests.json?service_code=%E0%A4%A`);
    expect(query.status).toBe(400);
    expect(await specError(query)).toBe('the address is not valid percent-encoded UTF-8');
    const form = await post('api_key=key-1&service_code=UM-LIGHT&lat=31.235&long=121.50&description=%E0%A4%A');
    expect(form.status).toBe(400);
    expect(await specError(form)).toBe('the form body is not valid percent-encoded UTF-8');
    // A well-encoded id still reads.
    expect((await fetch(`${base}/requests/%E8%B7%AF.json`)).status).toBe(404);
  });

  it('words every framework refusal in the spec format: content type, body size, unknown resource, method', async () => {
    const noType = await post('service_code=UM-LIGHT', '');
    expect(noType.status).toBe(415);
    await specError(noType);
    const text = await post('service_code=UM-LIGHT', 'text/plain');
    expect(text.status).toBe(415);
    await specError(text);
    const tooLarge = await post(`description=${'x'.repeat(70_000)}`);
    expect(tooLarge.status).toBe(413);
    expect(await specError(tooLarge)).toBe('the request body is too large');
    const array = await post('[1, 2]', 'application/json');
    expect(array.status).toBe(400);
    await specError(array);
    const unknown = await fetch(`${base}/tokens/abc.json`);
    expect(unknown.status).toBe(404);
    await specError(unknown);
    const method = await fetch(`${base}/requests.json`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    await specError(method);
  });

  it('pages the list: page_size at most 1000 (default 100), pages from 1', async () => {
    expect((await fetch(`${base}/requests.json?page_size=1000`)).status).toBe(200);
    const over = await fetch(`${base}/requests.json?page_size=1001`);
    expect(over.status).toBe(400);
    expect(await specError(over)).toContain('page_size');
    expect((await fetch(`${base}/requests.json?page=0`)).status).toBe(400);
    const all = (await (await fetch(`${base}/requests.json`)).json()) as unknown[];
    expect(all.length).toBe(Math.min(100, stored.length));
  });
});

describe('Open311 rate limits', () => {
  it('limits posts per client address more tightly than reads, each apart, answering 429 with Retry-After in the spec format', async () => {
    expect(OPEN311_POSTS_PER_MINUTE).toBeLessThan(OPEN311_READS_PER_MINUTE);
    const limited = createHttpApp({ routes: open311Rows({ ...deps, create: async (r) => r }), logger: pino({ level: 'silent' }) });
    const limitedBase = `${await limited.listen({ port: 0, host: '127.0.0.1' })}/open311/v2`;
    try {
      const send = () =>
        fetch(`${limitedBase}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'api_key=key-1&service_code=UM-LIGHT&lat=31.235&long=121.50' });
      const posts: number[] = [];
      for (let i = 0; i <= OPEN311_POSTS_PER_MINUTE; i++) posts.push((await send()).status);
      expect(posts).toEqual([...Array<number>(OPEN311_POSTS_PER_MINUTE).fill(201), 429]);
      const refused = await send();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await specError(refused)).toMatch(/^too many requests; try again in/);
      // Reads keep their own, larger allowance.
      const reads: number[] = [];
      for (let i = 0; i <= OPEN311_READS_PER_MINUTE; i++) reads.push((await fetch(`${limitedBase}/services.json`)).status);
      expect(reads.slice(0, OPEN311_READS_PER_MINUTE).every((status) => status === 200)).toBe(true);
      expect(reads.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
