import { describe, expect, it } from 'vitest';
import { selectionFromFeature } from './building-picker';

function feature(properties: Record<string, unknown>) {
  return { getProperty: (name: string) => properties[name] };
}

describe('selectionFromFeature', () => {
  it('reads name, use, height and levels from the tile metadata', () => {
    const selection = selectionFromFeature(feature({ osm_id: 'way/7', name: '上海中心', name_zh: '上海中心大厦', name_en: 'Shanghai Tower', use_class: 'office', height: 632, levels: 128 }));
    expect(selection).toEqual({
      kind: 'building',
      osmId: 'way/7',
      name: '上海中心',
      nameZh: '上海中心大厦',
      nameEn: 'Shanghai Tower',
      useClass: 'office',
      height: 632,
      levels: 128,
    });
  });

  it('tolerates missing or odd metadata', () => {
    expect(selectionFromFeature(feature({ use_class: 'spaceport', height: 'tall' }))).toMatchObject({
      name: '',
      useClass: 'other',
      height: 0,
      levels: 0,
    });
  });
});
