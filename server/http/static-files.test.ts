import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveUnderRoot } from './static-files';

const root = path.resolve('/srv/tiles');

describe('resolveUnderRoot', () => {
  it('resolves a plain path under the root', () => {
    expect(resolveUnderRoot(root, 'shanghai-bund/tileset.json')).toBe(path.join(root, 'shanghai-bund/tileset.json'));
  });

  it.each([['../etc/passwd'], ['a/../../etc/passwd'], ['%2e%2e/etc/passwd'], ['a%2f..%2f..%2fetc'], ['..%5cwindows'], ['a/%00b'], ['%E0%A4%A']])('refuses %s', (urlPath) => {
    expect(resolveUnderRoot(root, urlPath)).toBeNull();
  });

  it('treats a leading slash as relative to the root, not the filesystem', () => {
    expect(resolveUnderRoot(root, '/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
  });
});

describe('contentTypeFor', () => {
  it('knows the pack file types', () => {
    expect(contentTypeFor('a.glb')).toBe('model/gltf-binary');
    expect(contentTypeFor('roads.geojson')).toMatch(/geo\+json/);
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
