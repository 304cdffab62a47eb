/**
 * Writes a whole pack or nothing: files go to a hidden temporary folder beside the target, which
 * replaces the previous pack only once every file is written. A failed build removes its
 * temporary folder and leaves the previous pack as it was.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Relative path → contents. */
export type PackFiles = Map<string, Uint8Array | string>;

/** Writes `files` into `target` atomically (see the module comment); returns the bytes written. */
export async function writePackAtomically(target: string, files: PackFiles): Promise<number> {
  const parent = dirname(target);
  const name = basename(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = join(parent, `.${name}.tmp-${stamp}`);
  const previous = join(parent, `.${name}.old-${stamp}`);
  await mkdir(parent, { recursive: true });
  let bytes = 0;
  try {
    await mkdir(temporary);
    for (const [path, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = join(temporary, path);
      if (!file.startsWith(temporary + '/')) throw new Error(`pack file '${path}' escapes the pack folder`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, contents);
      bytes += typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength;
    }
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  let movedAside = false;
  try {
    await rename(target, previous);
    movedAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    if (movedAside) await rename(previous, target);
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  if (movedAside) await rm(previous, { recursive: true, force: true });
  return bytes;
}
