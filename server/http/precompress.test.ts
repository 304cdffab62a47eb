import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressFolder } from './precompress';

describe('precompressFolder', () => {
  it('writes .br and .gz beside text files that shrink, and leaves small, binary and incompressible files alone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-precompress-'));
    await mkdir(path.join(dir, 'assets'));
    const bundle = 'export const x = "a city sand table";\n'.repeat(500);
    await writeFile(path.join(dir, 'assets/app-1a2b3c.js'), bundle);
    await writeFile(path.join(dir, 'tiny.js'), 'x');
    await writeFile(path.join(dir, 'model.glb'), Buffer.alloc(4096, 7));
    await writeFile(path.join(dir, 'noise.json'), randomBytes(4096));
    const summary = await precompressFolder(dir);
    expect(summary.files).toBe(1);
    expect(brotliDecompressSync(await readFile(path.join(dir, 'assets/app-1a2b3c.js.br'))).toString()).toBe(bundle);
    expect(gunzipSync(await readFile(path.join(dir, 'assets/app-1a2b3c.js.gz'))).toString()).toBe(bundle);
    expect(summary.brotliBytes).toBeLessThan(summary.bytes / 10);
    expect((await readdir(dir)).sort()).toEqual(['assets', 'model.glb', 'noise.json', 'tiny.js']);
  });
});
