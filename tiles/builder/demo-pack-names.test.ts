/** The committed demo pack's names: simplified Chinese with no Latin-only names, English with no Chinese. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema, nameEnSourceSchema, nameZhSourceSchema } from '../../src/protocol/city-pack.js';
import { toSimplified } from './names.js';

const pack = join(import.meta.dirname, '..', 'shanghai-bund');
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /\p{Script=Latin}{2}/u;

interface Named {
  where: string;
  zh: string | null;
  en: string | null;
  zhSource: unknown;
  enSource: unknown;
}

function geojsonNames(file: string): Named[] {
  const collection = JSON.parse(readFileSync(join(pack, file), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  return collection.features.map(({ properties: p }) => ({
    where: `${file} ${String(p.osm_id)}`,
    zh: p.name_zh as string | null,
    en: p.name_en as string | null,
    zhSource: p.name_zh_source,
    enSource: p.name_en_source,
  }));
}

/** The string columns of a GLB's building property table. */
function glbStrings(bytes: Buffer, names: string[]): Record<string, string[]> {
  const jsonLength = bytes.readUInt32LE(12);
  const json = JSON.parse(bytes.subarray(20, 20 + jsonLength).toString()) as {
    bufferViews: { byteOffset?: number; byteLength: number }[];
    extensions: { EXT_structural_metadata: { propertyTables: { count: number; properties: Record<string, { values: number; stringOffsets: number }> }[] } };
  };
  const bin = 20 + jsonLength + 8;
  const view = (i: number) => bytes.subarray(bin + (json.bufferViews[i]!.byteOffset ?? 0), bin + (json.bufferViews[i]!.byteOffset ?? 0) + json.bufferViews[i]!.byteLength);
  const table = json.extensions.EXT_structural_metadata.propertyTables[0]!;
  return Object.fromEntries(
    names.map((name) => {
      const values = view(table.properties[name]!.values);
      const offsets = view(table.properties[name]!.stringOffsets);
      return [name, Array.from({ length: table.count }, (_, i) => values.subarray(offsets.readUInt32LE(i * 4), offsets.readUInt32LE(i * 4 + 4)).toString())];
    }),
  );
}

function buildingNames(): Named[] {
  return readdirSync(join(pack, 'buildings')).flatMap((file) => {
    const c = glbStrings(readFileSync(join(pack, 'buildings', file)), ['osm_id', 'name_zh', 'name_en', 'name_zh_source', 'name_en_source']);
    return c.osm_id!.map((id, i) => ({
      where: `${file} ${id}`,
      zh: c.name_zh![i] || null,
      en: c.name_en![i] || null,
      zhSource: c.name_zh_source![i] || null,
      enSource: c.name_en_source![i] || null,
    }));
  });
}

const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8')));
const all: Named[] = [...geojsonNames('places.geojson'), ...geojsonNames('roads.geojson'), ...geojsonNames('ground.geojson'), ...buildingNames()];
const named = all.filter((n) => n.zh !== null || n.en !== null);

describe('names in the demo pack', () => {
  it('has a Chinese and an English name, with their sources, for every named feature', () => {
    expect(named.length).toBeGreaterThan(500);
    for (const n of named) {
      expect(n.zh && n.en, n.where).toBeTruthy();
      expect(nameZhSourceSchema.safeParse(n.zhSource).success, n.where).toBe(true);
      expect(nameEnSourceSchema.safeParse(n.enSource).success, n.where).toBe(true);
    }
  });

  it('has no Latin-only name in Chinese: features OSM names only in Latin are called by their category', () => {
    const latinOnly = named.filter((n) => !HAN.test(n.zh!) && LATIN_WORD.test(n.zh!)).map((n) => `${n.where}: ${n.zh}`);
    expect(latinOnly).toEqual([]);
    expect(named.filter((n) => n.zhSource === 'category').length).toBeGreaterThan(0);
  });

  it('has no traditional characters left: OpenCC finds nothing to convert', () => {
    const traditional = [...named.map((n) => ({ where: n.where, zh: n.zh! })), ...manifest.views.map((v) => ({ where: `view ${v.id}`, zh: v.name.zh }))]
      .filter((n) => toSimplified(n.zh) !== n.zh)
      .map((n) => `${n.where}: ${n.zh}`);
    expect(traditional).toEqual([]);
  });

  it('has no Chinese characters in English, the views included', () => {
    const chinese = [...named.map((n) => ({ where: n.where, en: n.en! })), ...manifest.views.map((v) => ({ where: `view ${v.id}`, en: v.name.en }))]
      .filter((n) => HAN.test(n.en))
      .map((n) => `${n.where}: ${n.en}`);
    expect(chinese).toEqual([]);
  });
});
