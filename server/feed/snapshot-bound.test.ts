/**
 * A join snapshot stays bounded however many requests arrive: 2 000 posted into the running test city
 * leave the live world showing at most 500 of them (100 closed), while every one is still listed.
 */
import * as msgpackParser from 'socket.io-msgpack-parser';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../src/protocol/entities';
import { DEFAULT_LIVE_LIMITS } from '../store/live-state';
import { buildTestCity, startTestServer, TEST_DAY, TEST_TOKENS, testCityDir, type TestServer } from '../test-city.test-helper';

const POSTED = 2000;
let test: TestServer;
beforeAll(async () => {
  const dir = await testCityDir('snapshot-bound');
  await buildTestCity(dir, { hours: 2, tripsPerDay: 100, requestsPerDay: 50 });
  test = await startTestServer(dir);
}, 120_000);
afterAll(() => test?.close());

const request = (n: number): ServiceRequest => ({
  id: `urn:ngsi-ld:ServiceRequest:test-city:B${n}`,
  type: 'ServiceRequest',
  service_request_id: `B${n}`,
  // One in four is closed, as an agency's feed sends them.
  status: n % 4 === 0 ? 'closed' : 'open',
  status_notes: null,
  service_name: '道路破损',
  service_code: 'UM-ROAD',
  description: `坑洼 ${n}：人行道石板松动，雨天积水，请尽快处理`,
  agency_responsible: '市政',
  service_notice: null,
  requested_datetime: new Date(TEST_DAY + n * 1_000).toISOString(),
  updated_datetime: new Date(TEST_DAY + n * 1_000).toISOString(),
  expected_datetime: null,
  address: '中山东一路',
  address_id: null,
  zipcode: null,
  lat: 31.201 + (n % 30) * 0.0001,
  long: 121.401 + Math.floor(n / 30) * 0.00001,
  media_url: null,
});

async function snapshot(): Promise<{ requests: { id: string; status: string }[]; bytes: number }> {
  const wall = connect(test.base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
  const arrived = new Promise<{ entities: { id: string; type: string; status?: string }[] }>((resolve) => wall.once('feed:snapshot', resolve));
  await wall.emitWithAck('feed:join', { room: 'main', role: 'wall' });
  const got = await arrived;
  wall.disconnect();
  const requests = got.entities.filter((e) => e.type === 'ServiceRequest' && e.id.includes(':B')) as { id: string; status: string }[];
  return { requests, bytes: Buffer.byteLength(JSON.stringify(got)) };
}

describe('the join snapshot', () => {
  it('shows at most the live window of requests however many were posted, and lists them all', async () => {
    const before = await snapshot();
    for (let from = 0; from < POSTED; from += 500) {
      const batch = Array.from({ length: 500 }, (_, i) => request(from + i));
      const taken = await fetch(`${test.base}/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKENS.ingest}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(taken.status).toBe(202);
    }
    const after = await snapshot();
    expect(after.requests).toHaveLength(DEFAULT_LIVE_LIMITS.requests.max);
    expect(after.requests.filter((r) => r.status === 'closed').length).toBeLessThanOrEqual(DEFAULT_LIVE_LIMITS.requests.maxClosed);
    // Stored all the same: the list pages through every one.
    let listed = 0;
    for (let page = 1; ; page++) {
      const rows = (await (await fetch(`${test.base}/open311/v2/requests.json?service_code=UM-ROAD&page_size=1000&page=${page}`)).json()) as { service_request_id: string }[];
      listed += rows.filter((r) => r.service_request_id.startsWith('B')).length;
      if (rows.length < 1000) break;
    }
    expect(listed).toBe(POSTED);
    console.info(`snapshot JSON ${(before.bytes / 1024).toFixed(0)} kB before, ${(after.bytes / 1024).toFixed(0)} kB after ${POSTED} requests (${after.requests.length} of them shown)`);
  }, 120_000);
});
