/**
 * Open311 against the real application on the test city, as a citizen's app or a stray script meets it:
 * the GeoReport v2 cases the route must get right, the post limit per client address, and what a
 * restart of the application keeps.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestCity, startTestServer, TEST_DAY, testCityDir, type TestServer } from '../test-city.test-helper';
import { OPEN311_POSTS_PER_MINUTE } from './open311-routes';

let dir: string;
let test: TestServer;
beforeAll(async () => {
  dir = await testCityDir('open311');
  await buildTestCity(dir, { hours: 3, tripsPerDay: 100, requestsPerDay: 100 });
  test = await startTestServer(dir, { rate: 60, tickMs: 50, startHour: 1 });
}, 120_000);
afterAll(() => test?.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${test.base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
}

/** A GET of a raw path, exactly as written (fetch would re-encode it). */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: test.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Open311 on the running server', () => {
  it('places a request given only by address_string, stamps it with the hall’s sim instant and the receipt time apart, and keeps it across a restart', async () => {
    const before = Date.now();
    const posted = await post(form({ service_code: 'UM-LIGHT', address_string: 'Corner Bank, Column 1 Street', description: '路灯不亮' }));
    expect(posted.status).toBe(201);
    const id = ((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const [found] = (await (await fetch(`${test.base}/open311/v2/requests/${id}.json`)).json()) as {
      lat: number | null;
      long: number | null;
      address: string | null;
      requested_datetime: string;
      received_datetime: string;
    }[];
    expect(found!.lat).not.toBeNull();
    expect(found!.long).not.toBeNull();
    // requested_datetime: the replayed day the hall shows (from 01:00 local); received_datetime: now.
    const requested = Date.parse(found!.requested_datetime);
    expect(requested).toBeGreaterThanOrEqual(TEST_DAY);
    expect(requested).toBeLessThan(TEST_DAY + 24 * 3_600_000);
    expect(Date.parse(found!.received_datetime)).toBeGreaterThanOrEqual(before - 1_000);

    // An address the city cannot place is kept, without coordinates.
    const unplaced = await post(form({ service_code: 'UM-LIGHT', address_string: 'somewhere unknown', description: '?' }));
    expect(unplaced.status).toBe(201);

    await test.close();
    test = await startTestServer(dir, { rate: 60, tickMs: 50, startHour: 1 });
    const again = await fetch(`${test.base}/open311/v2/requests/${id}.json?history=1`);
    expect(again.status).toBe(200);
    const [kept] = (await again.json()) as { description: string; history: { change: string; via: string }[] }[];
    expect(kept!.description).toBe('路灯不亮');
    expect(kept!.history).toEqual([expect.objectContaining({ change: 'created', via: 'open311' })]);
  }, 120_000);

  it('refuses script and data media URLs, a bad percent-encoding and a non-form body, each in the spec’s format', async () => {
    for (const media of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org/a.jpg']) {
      const refused = await post(form({ service_code: 'UM-LIGHT', lat: '31.201', long: '121.401', media_url: media }));
      expect(refused.status, media).toBe(400);
      expect(((await refused.json()) as { code: number; description: string }[])[0]!.description).toMatch(/media_url/);
    }
    const bad = await rawGet('/open311/v2/requests/%E0%A4%A.json');
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/application\/json/);
    expect(JSON.parse(bad.body)).toEqual([{ code: 400, description: 'the address is not valid percent-encoded UTF-8' }]);
    const xml = await fetch(`${test.base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<request/>' });
    expect(xml.status).toBe(415);
    expect(((await xml.json()) as { code: number }[])[0]!.code).toBe(415);
  });

  it('limits posts per client address and tells the client when to try again, while reads go on', async () => {
    // The earlier tests posted from this address too; the limit counts them all.
    const statuses: number[] = [];
    for (let n = 0; n < OPEN311_POSTS_PER_MINUTE + 2; n++) {
      statuses.push((await post(form({ service_code: 'UM-LIGHT', lat: '31.201', long: '121.401', description: `flood ${n}` }))).status);
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(OPEN311_POSTS_PER_MINUTE);
    expect(statuses.at(-1)).toBe(429);
    const limited = await post(form({ service_code: 'UM-LIGHT', lat: '31.201', long: '121.401' }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect(((await limited.json()) as { code: number }[])[0]!.code).toBe(429);
    expect((await fetch(`${test.base}/open311/v2/requests.json?page_size=5`)).status).toBe(200);
  });
});
