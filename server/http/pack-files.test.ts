import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from './http-app';
import { isServedPackPath, PACK_PREFIX, packFileHandler, packFiles } from './pack-files';

// The repository's own packs folder: the builder's code and the OSM sources sit beside the packs.
const tilesDir = path.join(import.meta.dirname, '..', '..', 'tiles');
let app: FastifyInstance;

beforeAll(async () => {
  app = createHttpApp({ logger: pino({ level: 'silent' }), routes: [{ method: 'GET', url: `${PACK_PREFIX}*`, files: packFiles(tilesDir), handler: packFileHandler(tilesDir) }] });
  await app.ready();
});

afterAll(() => app.close());

describe('the packs folder', () => {
  it.each([
    '/tiles/cli.ts',
    '/tiles/builder/build-city.ts',
    '/tiles/sources/shanghai-bund.osm',
    '/tiles/sources/README.md',
    '/tiles/types/gltf-validator.d.ts',
    '/tiles/recordings/shanghai-bund/demo/recording.json',
  ])('answers 404 for %s, which no page reads', async (url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(404);
    expect(response.body).toBe('not found');
  });

  it('serves the Bund pack: its manifest and every file the manifest names', async () => {
    const manifest = await app.inject({ url: '/tiles/shanghai-bund/manifest.json' });
    expect(manifest.statusCode).toBe(200);
    for (const file of Object.values((manifest.json() as { files: Record<string, string> }).files)) expect((await app.inject({ url: `/tiles/shanghai-bund/${file}` })).statusCode, file).toBe(200);
    expect((await app.inject({ url: '/tiles/shanghai-bund/buildings/1-1-1.glb' })).statusCode).toBe(200);
  });
});

describe('isServedPackPath', () => {
  const isPack = async (city: string) => city === 'town';
  it.each([
    [['town', 'manifest.json'], true],
    [['town', 'roads.geojson'], true],
    [['town', 'buildings', '0-0-0.glb'], true],
    [['recordings', 'town', 'weather', 'days.json'], true],
    [['elsewhere', 'manifest.json'], false],
    [['town', 'notes.md'], false],
    [['town', '.build', 'manifest.json'], false],
    [['town', 'buildings', 'deeper', '0-0-0.glb'], false],
    [['town', 'layers', 'x.json'], false],
    [['recordings', 'town', 'weather', 'recording.json'], false],
    [['recordings', 'town', 'scenarios', 'a.json'], false],
    [['recordings', '..', 'weather', 'days.json'], false],
    [['Town', 'manifest.json'], false],
  ])('%j → %s', async (segments, served) => expect(await isServedPackPath(segments, isPack)).toBe(served));
});
