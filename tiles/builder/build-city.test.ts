import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateBytes } from 'gltf-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema, placePropertiesSchema, roadGraphSchema, roadPropertiesSchema, groundPropertiesSchema } from '../../src/protocol/city-pack.js';
import { buildCity } from './build-city.js';
import { createProgress } from './progress.js';

const fixture = join(import.meta.dirname, 'fixtures', 'grid-town.osm');
const cli = join(import.meta.dirname, '..', 'cli.ts');
const run = promisify(execFile);

async function build(outRoot: string, source = fixture) {
  return buildCity({ source, id: 'grid-town', outRoot, progress: createProgress(true), builtAt: new Date('2026-01-01T00:00:00Z') });
}

async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), await readFile(path));
    }
  }
  return files;
}

describe('buildCity on a small fixture', () => {
  let out: string;
  let pack: Map<string, Buffer>;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'city-'));
    await build(out);
    pack = await readTree(join(out, 'grid-town'));
  });

  it('writes every file the manifest names, each valid against the pack schemas', () => {
    const manifest = manifestSchema.parse(JSON.parse(pack.get('manifest.json')!.toString()));
    for (const file of Object.values(manifest.files)) expect(pack.has(file)).toBe(true);
    expect(manifest.name).toEqual({ zh: '网格镇', en: 'Grid Town' }); // from the place node, no name given
    expect(manifest.timeZone).toBe('Etc/GMT-8'); // none given: a fixed offset from the longitude
    expect(manifest.counts).toMatchObject({ buildings: 14, roads: 8, graphNodes: 12, tiles: 1, places: 9 });
    expect(manifest.views.map((v) => v.id)).toEqual(['overview', 'skyline', 'landmark', 'waterfront', 'park', 'service-hall']);
    expect(manifest.views.find((v) => v.id === 'service-hall')!.name.zh).toBe('市民服务中心');
    roadGraphSchema.parse(JSON.parse(pack.get('graph.json')!.toString()));
    for (const [file, schema] of [
      ['roads.geojson', roadPropertiesSchema],
      ['ground.geojson', groundPropertiesSchema],
      ['places.geojson', placePropertiesSchema],
    ] as const) {
      const collection = JSON.parse(pack.get(file)!.toString()) as { features: { properties: unknown }[] };
      for (const feature of collection.features) schema.parse(feature.properties);
    }
    const places = JSON.parse(pack.get('places.geojson')!.toString()) as { features: { properties: { name: string; capacity: number; capacity_source: string } }[] };
    expect(places.features.find((p) => p.properties.name === 'East Car Park')!.properties).toMatchObject({ capacity: 120, capacity_source: 'tag' });
  });

  it('writes glTF that gltf-validator passes with zero errors, carrying the building metadata', async () => {
    const glbs = [...pack.keys()].filter((p) => p.endsWith('.glb'));
    expect(glbs.length).toBeGreaterThan(0);
    for (const path of glbs) {
      const report = await validateBytes(new Uint8Array(pack.get(path)!));
      expect(report.issues.numErrors, JSON.stringify(report.issues.messages.slice(0, 3))).toBe(0);
      expect(report.info.extensionsUsed).toEqual(expect.arrayContaining(['EXT_mesh_features', 'EXT_structural_metadata']));
    }
    const glb = pack.get(glbs[0]!)!;
    const json = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString()) as {
      extensions: { EXT_structural_metadata: { propertyTables: { count: number; properties: Record<string, unknown> }[] } };
    };
    const table = json.extensions.EXT_structural_metadata.propertyTables[0]!;
    expect(table.count).toBe(14);
    expect(Object.keys(table.properties)).toEqual(['osm_id', 'name', 'name_zh', 'name_en', 'name_zh_source', 'name_en_source', 'height', 'min_height', 'levels', 'use_class', 'height_source']);
  });

  it('draws a tower by its parts, not its outline, and floats the upper part at min_height', () => {
    const tileset = JSON.parse(pack.get('tileset.json')!.toString()) as { asset: { version: string }; root: { boundingVolume: { region: number[] } } };
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.root.boundingVolume.region[5]).toBeGreaterThanOrEqual(120); // the 120 m part
    const manifest = manifestSchema.parse(JSON.parse(pack.get('manifest.json')!.toString()));
    expect(manifest.maxHeight).toBe(120);
    expect(manifest.counts.buildingsByHeightSource).toEqual({ estimate: 6, height: 4, levels: 4 });
  });

  it('is deterministic: a second build is byte-identical but for the build time in the manifest', async () => {
    const again = await mkdtemp(join(tmpdir(), 'city-'));
    await buildCity({ source: fixture, id: 'grid-town', outRoot: again, progress: createProgress(true), builtAt: new Date('2030-06-01T00:00:00Z') });
    const second = await readTree(join(again, 'grid-town'));
    expect([...second.keys()].sort()).toEqual([...pack.keys()].sort());
    for (const [path, bytes] of pack) {
      if (path === 'manifest.json') {
        const strip = (b: Buffer) => ({ ...JSON.parse(b.toString()), builtAt: null });
        expect(strip(second.get(path)!)).toEqual(strip(bytes));
      } else {
        expect(second.get(path)!.equals(bytes), path).toBe(true);
      }
    }
  });
});

describe('the city CLI on bad input', () => {
  let out: string;
  let previous: Map<string, Buffer>;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'city-cli-'));
    await build(out);
    previous = await readTree(join(out, 'grid-town'));
  });

  const runCli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  const badInputs: [string, () => Promise<string>, RegExp][] = [
    ['a missing file', async () => join(out, 'nowhere.osm'), /cannot read extract .*ENOENT/],
    [
      'a file that is not OSM',
      async () => {
        const path = join(out, 'page.osm');
        await writeFile(path, '<html><body>Not found</body></html>');
        return path;
      },
      /not an OpenStreetMap XML file \(its root element is <html>/,
    ],
    [
      'a truncated file',
      async () => {
        const path = join(out, 'truncated.osm');
        const text = await readFile(fixture, 'utf8');
        await writeFile(path, text.slice(0, Math.floor(text.length * 0.6)));
        return path;
      },
      /truncated or malformed XML/,
    ],
    [
      'an extract without buildings',
      async () => {
        const path = join(out, 'empty.osm');
        await writeFile(path, '<?xml version="1.0"?>\n<osm version="0.6"><node id="1" lat="31" lon="121"/></osm>\n');
        return path;
      },
      /holds no buildings/,
    ],
  ];

  it.each(badInputs)(
    'rejects %s with one clear line and a non-zero exit, leaving the previous pack untouched',
    async (_, makeInput, message) => {
      const result = await runCli('build', await makeInput(), '--name', 'grid-town', '--out', out, '--quiet');
      expect(result.code).toBe(1);
      const errorLines = result.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('error:'));
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(message);
      const after = await readTree(join(out, 'grid-town'));
      expect([...after.keys()].sort()).toEqual([...previous.keys()].sort());
      for (const [path, bytes] of previous) expect(after.get(path)!.equals(bytes)).toBe(true);
      expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]);
    },
    30_000,
  );

  it('rejects bad arguments with usage and exit code 2', async () => {
    expect((await runCli('build', fixture)).code).toBe(2);
    expect((await runCli('build', fixture, '--name', 'x', '--bogus')).stderr).toMatch(/error: .*bogus/);
    expect((await runCli('destroy')).code).toBe(2);
    expect((await runCli('build', fixture, '--name', 'Bad Name', '--out', out, '--quiet')).stderr).toMatch(/city id 'Bad Name'/);
  }, 30_000);

  it('builds a good extract and prints a summary line', async () => {
    const result = await runCli('build', fixture, '--name', 'grid-town', '--out', out, '--quiet');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/built grid-town: 14 buildings, 8 roads \(3\.\d+ km\), 9 places, 1 tiles, [\d.]+ MB in [\d.]+ s/);
  }, 30_000);
});

describe('buildCity on a second, different city', () => {
  it('builds the raw Beijing Haidian API export as well, with valid tiles and a connected graph', async () => {
    const out = await mkdtemp(join(tmpdir(), 'city-bj-'));
    const summary = await buildCity({
      source: join(import.meta.dirname, '..', 'sources', 'beijing-haidian-xueqing.osm'),
      id: 'beijing-haidian',
      outRoot: out,
      progress: createProgress(true),
    });
    const c = summary.manifest.counts;
    expect(c.buildings).toBeGreaterThan(200);
    expect(c.roads).toBeGreaterThan(100);
    expect(c.graphLargestComponentShare).toBeGreaterThan(0.5);
    expect(summary.manifest.bbox[1]).toBeGreaterThan(39.9); // Beijing, not Shanghai: nothing is hard-wired
    const pack = await readTree(join(out, 'beijing-haidian'));
    for (const [path, bytes] of pack) {
      if (path.endsWith('.glb')) expect((await validateBytes(new Uint8Array(bytes))).issues.numErrors, path).toBe(0);
    }
  }, 30_000);
});
