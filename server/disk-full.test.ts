/**
 * A full disk or a read-only data folder, for real: the server's DATA_DIR on a small tmpfs of its own
 * (mounting one needs root; elsewhere the test says why it cannot run). A write the disk cannot take is
 * answered 503 with the reason and shown nowhere; once there is room again the same write is taken.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { statfsSync } from 'node:fs';
import path from 'node:path';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../src/protocol/entities';
import { startServer, type ServerProcess } from '../tests/support/server-process';
import { buildTestCity, TEST_TOKENS, testCityDir, testCityServerEnv } from './test-city.test-helper';

/** Whether this process may mount a tmpfs (root on Linux, outside a locked-down container). */
function mountReason(): string | null {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  return null;
}

let dir: string;
const mounts: string[] = [];
const cannot = mountReason();

async function tmpfs(name: string, options: string): Promise<string> {
  const at = path.join(dir, name);
  await mkdir(at, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
  mounts.push(at);
  return at;
}

beforeAll(async () => {
  dir = await testCityDir('disk-full');
  if (!cannot) await buildTestCity(dir, { hours: 2, tripsPerDay: 100, requestsPerDay: 20 });
}, 120_000);

afterAll(() => {
  for (const at of mounts.splice(0)) execFileSync('umount', ['-l', at]);
});

const env = (dataDir: string) => testCityServerEnv(dir, dataDir);

/** A batch of stations whose readings do not compress: about 1.4 KB each on disk. */
const stations = (prefix: string, count: number): Device[] =>
  Array.from({ length: count }, (_, n) => ({
    id: `urn:ngsi-ld:Device:test-city:${prefix}-${n}`,
    type: 'Device',
    value: randomBytes(700).toString('base64'),
    location: { type: 'Point', coordinates: [121.4 + (n % 40) * 0.0001, 31.2 + Math.floor(n / 40) * 0.0001] },
  }));

const ingest = (server: ServerProcess, entities: unknown[]) =>
  fetch(`${server.url}/ingest`, { method: 'POST', headers: { authorization: `Bearer ${TEST_TOKENS.ingest}`, 'content-type': 'application/json' }, body: JSON.stringify(entities) });

describe.skipIf(cannot !== null)(`a data folder that cannot take writes${cannot ? ` (not run: ${cannot})` : ''}`, () => {
  it('answers 503 with the reason while the disk is full, shows nothing of the refused write, and takes it once there is room', async () => {
    const dataDir = await tmpfs('full', 'size=64m');
    const server = await startServer({ env: env(dataDir) });
    try {
      // Fill the disk to within 128 KB; the batch below needs several times that.
      const { bavail, bsize } = statfsSync(dataDir);
      const filler = path.join(dataDir, 'filler');
      await writeFile(filler, Buffer.alloc(bavail * bsize - 128 * 1024));
      const batch = stations('full', 500);

      const refused = await ingest(server, batch);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).not.toBeNull();
      expect(((await refused.json()) as { error: string }).error).toBe('the database disk is full; nothing was stored');
      // Then not a byte left: a citizen's first request needs a new page of its table.
      const left = statfsSync(dataDir);
      await writeFile(path.join(dataDir, 'filler-2'), Buffer.alloc(left.bavail * left.bsize));
      const post = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'service_code=UM-LIGHT&lat=31.201&long=121.401&description=路灯不亮',
      });
      expect(post.status).toBe(503);
      expect(await post.json()).toEqual([{ code: 503, description: 'the database disk is full; nothing was stored' }]);

      // Nothing of it reached the live world.
      const wall = connect(server.url, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
      const snapshot = new Promise<{ entities: { id: string }[] }>((resolve) => wall.once('feed:snapshot', resolve));
      expect((await wall.emitWithAck('feed:join', { room: 'main', role: 'wall' })).ok).toBe(true);
      expect((await snapshot).entities.filter((e) => e.id.includes(':full-'))).toEqual([]);
      wall.disconnect();

      // Room again: the same batch is taken and stays.
      await rm(filler);
      await rm(path.join(dataDir, 'filler-2'));
      const taken = await ingest(server, batch);
      expect(taken.status).toBe(202);
      expect(await taken.json()).toEqual({ accepted: batch.length });
      const again = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'service_code=UM-LIGHT&lat=31.201&long=121.401&description=路灯不亮',
      });
      expect(again.status).toBe(201);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('refuses to start on a read-only data folder, saying so', async () => {
    const dataDir = await tmpfs('read-only', 'size=1m,ro');
    const failed = await startServer({ env: env(dataDir) }).then(
      async (server) => (await server.stop(), null),
      (error: Error) => error.message,
    );
    expect(failed).toMatch(/DATA_DIR \(.*\) cannot hold the database: it is on a read-only file system/);
  }, 60_000);
});
