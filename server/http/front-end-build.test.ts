import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_STAMP_FILE, ensureFrontEnd, frontEndInputsHash, readBuildStamp, type BuildInto } from './front-end-build';

let root: string;
let distDir: string;
let builds: number;

/** A build that writes one page naming the build, as vite would write dist/. */
const fakeBuild: BuildInto = async (outDir) => {
  builds += 1;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), `build ${builds}`);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sandtable-front-end-build-'));
  distDir = path.join(root, 'dist');
  builds = 0;
  mkdirSync(path.join(root, 'src', 'ui'), { recursive: true });
  writeFileSync(path.join(root, 'src', 'ui', 'panel.tsx'), 'export const a = 1;');
  writeFileSync(path.join(root, 'index.html'), '<html></html>');
  writeFileSync(path.join(root, 'package-lock.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the front end build stamp', () => {
  it('builds when there is no dist/, then reuses it while the inputs are unchanged', async () => {
    expect(await ensureFrontEnd({ root, distDir, build: fakeBuild })).toMatchObject({ rebuilt: true });
    expect(readBuildStamp(distDir)).toBe(frontEndInputsHash(root));
    expect(await ensureFrontEnd({ root, distDir, build: fakeBuild })).toMatchObject({ rebuilt: false });
    expect(builds).toBe(1);
    expect(readFileSync(path.join(distDir, 'index.html'), 'utf8')).toBe('build 1');
  });

  it('rebuilds when a source is edited, added or removed, or a page or the lock file changes', async () => {
    await ensureFrontEnd({ root, distDir, build: fakeBuild });
    const edits = [
      () => writeFileSync(path.join(root, 'src', 'ui', 'panel.tsx'), 'export const a = 2;'),
      () => writeFileSync(path.join(root, 'src', 'ui', 'new-panel.tsx'), ''),
      () => rmSync(path.join(root, 'src', 'ui', 'new-panel.tsx')),
      () => writeFileSync(path.join(root, 'index.html'), '<html lang="zh-CN"></html>'),
      () => writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}'),
    ];
    for (const [i, edit] of edits.entries()) {
      edit();
      expect(await ensureFrontEnd({ root, distDir, build: fakeBuild })).toMatchObject({ rebuilt: true });
      expect(builds).toBe(i + 2);
    }
  });

  it('changes the hash when bytes move from one file to the next', () => {
    writeFileSync(path.join(root, 'index.html'), 'ab');
    writeFileSync(path.join(root, 'kiosk.html'), 'c');
    const before = frontEndInputsHash(root);
    writeFileSync(path.join(root, 'index.html'), 'a');
    writeFileSync(path.join(root, 'kiosk.html'), 'bc');
    expect(frontEndInputsHash(root)).not.toBe(before);
  });

  it('rebuilds a dist/ without a stamp, or with a damaged one', async () => {
    mkdirSync(distDir);
    writeFileSync(path.join(distDir, 'index.html'), 'built by hand');
    expect(await ensureFrontEnd({ root, distDir, build: fakeBuild })).toMatchObject({ rebuilt: true });
    writeFileSync(path.join(distDir, BUILD_STAMP_FILE), '{"inputsHash":"not a hash"}');
    expect(readBuildStamp(distDir)).toBeNull();
    expect(await ensureFrontEnd({ root, distDir, build: fakeBuild })).toMatchObject({ rebuilt: true });
  });

  it('keeps the last good dist/ when a build fails, and leaves no half-built folder', async () => {
    await ensureFrontEnd({ root, distDir, build: fakeBuild });
    const goodStamp = readBuildStamp(distDir);
    writeFileSync(path.join(root, 'src', 'ui', 'panel.tsx'), 'export const a = ;');
    const failing: BuildInto = async (outDir) => {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, 'index.html'), 'half');
      throw new Error('Transform failed: Unexpected ";"');
    };
    await expect(ensureFrontEnd({ root, distDir, build: failing })).rejects.toThrow('Transform failed');
    expect(readFileSync(path.join(distDir, 'index.html'), 'utf8')).toBe('build 1');
    expect(readBuildStamp(distDir)).toBe(goodStamp);
    expect(readdirSync(root).filter((name) => name.startsWith('dist.'))).toEqual([]);
    // The stale stamp still differs from the edited inputs: the next start tries again.
    expect(await ensureFrontEnd({ root, distDir, build: fakeBuild })).toMatchObject({ rebuilt: true });
  });

  it('builds even when up to date when forced', async () => {
    await ensureFrontEnd({ root, distDir, build: fakeBuild });
    expect(await ensureFrontEnd({ root, distDir, build: fakeBuild, force: true })).toMatchObject({ rebuilt: true });
    expect(builds).toBe(2);
    expect(existsSync(path.join(distDir, BUILD_STAMP_FILE))).toBe(true);
  });
});
