import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePackAtomically } from './atomic-output.js';

async function existingPack(): Promise<{ root: string; target: string }> {
  const root = await mkdtemp(join(tmpdir(), 'pack-'));
  const target = join(root, 'city');
  await mkdir(target);
  await writeFile(join(target, 'manifest.json'), 'previous');
  return { root, target };
}

describe('writePackAtomically', () => {
  it('replaces the previous pack whole', async () => {
    const { root, target } = await existingPack();
    await writePackAtomically(
      target,
      new Map<string, Uint8Array | string>([
        ['manifest.json', 'next'],
        ['buildings/0-0-0.glb', new Uint8Array([1, 2])],
      ]),
    );
    expect(await readFile(join(target, 'manifest.json'), 'utf8')).toBe('next');
    expect(await readdir(join(target, 'buildings'))).toEqual(['0-0-0.glb']);
    expect(await readdir(root)).toEqual(['city']); // no temporary or old folder left behind
  });

  it('leaves the previous pack untouched and no temporary folder when writing fails', async () => {
    const { root, target } = await existingPack();
    await expect(
      writePackAtomically(
        target,
        new Map([
          ['a.json', 'x'],
          ['../escape.json', 'y'],
        ]),
      ),
    ).rejects.toThrow(/escapes/);
    expect(await readFile(join(target, 'manifest.json'), 'utf8')).toBe('previous');
    expect(await readdir(root)).toEqual(['city']);
  });
});
