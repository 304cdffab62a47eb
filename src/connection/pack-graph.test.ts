import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manifestSchema } from '../protocol/city-pack';
import { fetchPackGraph } from './pack-graph';

const packDir = join(import.meta.dirname, '..', '..', 'tiles', 'shanghai-bund');
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(packDir, 'manifest.json'), 'utf8')));

/** A fetch serving the demo pack's files under `baseUrl`, with `override` replacing the body of one file; counts requests. */
function servePack(baseUrl: string, override: Record<string, string> = {}) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    const file = url.slice(baseUrl.length);
    if (!url.startsWith(baseUrl) || ![manifest.files.graph, manifest.files.roads].includes(file)) return new Response('', { status: 404 });
    return new Response(override[file] ?? readFileSync(join(packDir, file), 'utf8'));
  });
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchPackGraph', () => {
  it('fetches a pack’s graph and roads once for every layer that asks', async () => {
    const requests = servePack('/tiles/once/');
    const pack = { baseUrl: '/tiles/once/', manifest };
    const [a, b] = await Promise.all([fetchPackGraph(pack), fetchPackGraph(pack)]);
    expect(a).toBe(b);
    expect(await fetchPackGraph(pack)).toBe(a);
    expect(requests).toHaveLength(2);
    expect(a.edgeClass).toHaveLength(a.graph.edges.from.length);
  });

  it('rejects a roads file that is not the pack’s, naming it, and tries again next time', async () => {
    const pack = { baseUrl: '/tiles/broken/', manifest };
    servePack(pack.baseUrl, { [manifest.files.roads]: JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { class: 'primary' } }] }) });
    await expect(fetchPackGraph(pack)).rejects.toThrow(`${manifest.files.roads} is not a valid pack file`);
    const requests = servePack(pack.baseUrl);
    await expect(fetchPackGraph(pack)).resolves.toMatchObject({ graph: { format: 1 } });
    expect(requests).toHaveLength(2);
  });

  it('says which file the server would not give', async () => {
    servePack('/tiles/elsewhere/');
    await expect(fetchPackGraph({ baseUrl: '/tiles/missing/', manifest })).rejects.toThrow(`${manifest.files.graph}: HTTP 404`);
  });
});
