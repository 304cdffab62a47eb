import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device, ServiceRequest } from '../../src/protocol/entities';
import { createLogger } from '../logger';
import { LiveSource } from '../sources/live-source';
import { openDatabase, StoreUnavailableError, type Database } from './database';
import { LiveState, type LiveLimits } from './live-state';

const logger = createLogger('silent');
const LIMITS: LiveLimits = { maxEntities: 5, requests: { max: 4, maxClosed: 1 } };
const opened: Database[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});

async function fresh(): Promise<{ dataDir: string; database: Database }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-live-state-'));
  const database = await openDatabase({ dataDir }, logger);
  opened.push(database);
  return { dataDir, database };
}

const device = (n: number, value = '1'): Device => ({ id: `urn:ngsi-ld:Device:test:${n}`, type: 'Device', value });
const request = (n: number, status: 'open' | 'closed' = 'open'): ServiceRequest => ({
  id: `urn:ngsi-ld:ServiceRequest:test:R${n}`,
  type: 'ServiceRequest',
  service_request_id: `R${n}`,
  status,
  status_notes: null,
  service_name: '路灯',
  service_code: 'UM-LIGHT',
  description: null,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: `2014-06-12T0${n % 10}:00:00+08:00`,
  updated_datetime: `2014-06-12T0${n % 10}:00:00+08:00`,
  expected_datetime: null,
  address: null,
  address_id: null,
  zipcode: null,
  lat: 31.2,
  long: 121.4,
  media_url: null,
});
const liveIds = async (live: LiveSource) => [...(await live.stateAt(0)).entities.keys()].sort();

describe('LiveState', () => {
  it('refuses new entities beyond the cap whole, yet takes updates of known ones', async () => {
    const { database } = await fresh();
    const live = new LiveSource();
    const state = await LiveState.open(database, live, { logger, limits: LIMITS });
    expect(
      await state.accept(
        [1, 2, 3, 4].map((n) => device(n)),
        'ingest',
      ),
    ).toEqual({ ok: true, accepted: 4 });
    const refused = await state.accept([device(5), device(6)], 'ingest');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/at most 5 entities \(4 now\) and this would add 2/);
    expect(await liveIds(live)).toHaveLength(4); // nothing of the refused batch
    expect(await state.accept([device(1, '2'), device(5)], 'ingest')).toEqual({ ok: true, accepted: 2 });
    expect((await live.stateAt(0)).entities.get(device(1).id)).toMatchObject({ value: '2' });
  });

  it('shows the open requests and the latest closed ones, keeps every one stored, and restores the same world', async () => {
    const { dataDir, database } = await fresh();
    const live = new LiveSource();
    let now = 1_000;
    const state = await LiveState.open(database, live, { logger, limits: LIMITS, now: () => now++ });
    for (const n of [1, 2, 3]) await state.accept([request(n)], 'open311');
    for (const n of [1, 2]) await state.accept([request(n, 'closed')], 'ingest');
    await state.accept([request(4), request(5)], 'open311');
    // At most 4 shown, of which 1 closed: R1 (closed first) left; R2 (closed last) stays.
    const shown = (await liveIds(live)).map((id) => id.split(':').pop());
    expect(shown).toEqual(['R2', 'R3', 'R4', 'R5']);
    expect(state.liveRequests).toBe(4);
    // Every request stays stored, with its history.
    const r1 = await state.find('R1', true);
    expect(r1?.request.status).toBe('closed');
    expect(r1?.history?.map((h) => [h.change, h.via])).toEqual([
      ['created', 'open311'],
      ['updated', 'ingest'],
    ]);
    await database.close();
    opened.pop();

    const again = await openDatabase({ dataDir }, logger);
    opened.push(again);
    const restored = new LiveSource();
    await LiveState.open(again, restored, { logger, limits: LIMITS });
    expect((await liveIds(restored)).map((id) => id.split(':').pop())).toEqual(['R2', 'R3', 'R4', 'R5']);
  });

  it('applies nothing when the store cannot write, and says why', async () => {
    const { database } = await fresh();
    const live = new LiveSource();
    const state = await LiveState.open(database, live, { logger, limits: LIMITS });
    const full = Object.assign(new Error('could not extend file "base/5/16440": No space left on device'), { code: '53100' });
    const failing: Database = { ...database, transaction: async () => Promise.reject(full) };
    const broken = await LiveState.open(failing, live, { logger, limits: LIMITS });
    const refused = broken.accept([device(1), request(1)], 'ingest');
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(refused).rejects.toThrow('the database disk is full; nothing was stored');
    expect(await liveIds(live)).toEqual([]);
    // Writes queue one after another; a failed one does not stop the next.
    expect(await state.accept([device(2)], 'ingest')).toEqual({ ok: true, accepted: 1 });
    await state.drain();
    expect(await liveIds(live)).toEqual([device(2).id]);
  });
});
