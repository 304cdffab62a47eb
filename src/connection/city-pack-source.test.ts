import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manifestSchema } from '../protocol/city-pack';
import { fetchPackFeatures, fetchPublicConfig, type CityPack } from './city-pack-source';

const manifest = manifestSchema.parse(JSON.parse(readFileSync('tiles/shanghai-bund/manifest.json', 'utf8')));
const pack: CityPack = { id: 'shanghai-bund', manifest, baseUrl: '/tiles/shanghai-bund/' };
const places = JSON.parse(readFileSync(`tiles/shanghai-bund/${manifest.files.places}`, 'utf8')) as { type: string; features: { properties: Record<string, unknown>; geometry: unknown }[] };
/** Serves one body for every request. */
const serve = (body: unknown, status = 200) => vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status }));

afterEach(() => void vi.unstubAllGlobals());

describe('fetchPackFeatures', () => {
  it('keeps every feature of a good file as it came', async () => {
    serve(places);
    const features = await fetchPackFeatures(pack, manifest.files.places);
    expect(features).toHaveLength(places.features.length);
    expect(features[0]).toEqual(places.features[0]);
  });

  it('drops a feature whose properties or geometry do not match its file, and keeps the rest', async () => {
    const [first, second, ...rest] = places.features;
    const badProperties = { ...first!, properties: { ...first!.properties, category: 'volcano' } };
    const badGeometry = { ...second!, geometry: { type: 'Point', coordinates: ['east', 'north'] } };
    serve({ ...places, features: [badProperties, badGeometry, ...rest] });
    expect(await fetchPackFeatures(pack, manifest.files.places)).toHaveLength(rest.length);
  });

  it('refuses a reply that is no FeatureCollection, and a file that is no feature file of the pack', async () => {
    serve({ type: 'Topology' });
    await expect(fetchPackFeatures(pack, manifest.files.places)).rejects.toThrow(/not a FeatureCollection/);
    await expect(fetchPackFeatures(pack, manifest.files.graph)).rejects.toThrow(/not a feature file/);
    serve({}, 404);
    await expect(fetchPackFeatures(pack, manifest.files.roads)).rejects.toThrow(/HTTP 404/);
  });
});

describe('fetchPublicConfig', () => {
  it('validates the config on arrival', async () => {
    serve({ defaultCity: 'shanghai-bund', cities: ['shanghai-bund'], serverVersion: '1' });
    expect((await fetchPublicConfig()).defaultCity).toBe('shanghai-bund');
    serve({ defaultCity: '../etc', cities: [], serverVersion: '1' });
    await expect(fetchPublicConfig()).rejects.toThrow();
  });
});
