/**
 * The built front end is reused while it is up to date: a stamp (a hash of every build input) is written
 * into dist/ after a successful build and compared at start. A build goes to a folder beside dist/ and
 * replaces it only once it has succeeded, so a failed build leaves the last good front end in place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What the front end is built from, relative to the repository root (folders are read whole). */
export const FRONT_END_INPUTS: readonly string[] = [
  'src',
  'public',
  'index.html',
  'kiosk.html',
  'planner.html',
  'vite.config.ts',
  'package-lock.json',
  // vite.config.ts imports these two: the page table and the precompression step shape dist/.
  'server/http/front-end.ts',
  'server/http/precompress.ts',
];

/** The stamp's file name inside dist/. */
export const BUILD_STAMP_FILE = '.build-stamp.json';

const BuildStamp = z.object({ inputsHash: z.string().regex(/^[0-9a-f]{64}$/) });

/** Every file under `entry` (a file or a folder), as paths relative to `root`, sorted. */
function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.relative(root, path.join(dirent.parentPath, dirent.name)));
}

/** A SHA-256 over the names and contents of every input file: it changes when any input is added, removed or edited. */
export function frontEndInputsHash(root: string, inputs: readonly string[] = FRONT_END_INPUTS): string {
  const hash = createHash('sha256');
  const files = inputs.flatMap((entry) => filesUnder(root, entry)).sort();
  for (const file of files) {
    const content = readFileSync(path.join(root, file));
    // Name and length first, so moving bytes from one file to the next changes the hash.
    hash.update(`${file.split(path.sep).join('/')}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** The inputs hash recorded in `distDir`, or null when there is no stamp or it is unreadable. */
export function readBuildStamp(distDir: string): string | null {
  try {
    const parsed = BuildStamp.safeParse(JSON.parse(readFileSync(path.join(distDir, BUILD_STAMP_FILE), 'utf8')));
    return parsed.success ? parsed.data.inputsHash : null;
  } catch {
    return null;
  }
}

/** How to build the front end into a given (empty or absent) folder. */
export type BuildInto = (outDir: string) => Promise<void>;

/** Options of {@link ensureFrontEnd}. */
export interface EnsureFrontEndOptions {
  /** The repository root, where the inputs are. */
  root: string;
  /** The folder the server serves. */
  distDir: string;
  /** Builds into a folder (vite in production, a fake in tests). */
  build: BuildInto;
  /** Build even when the stamp matches (`npm run build`). */
  force?: boolean;
}

/** Whether dist/ was reused or rebuilt, and the inputs hash it now carries. */
export interface EnsureFrontEndResult {
  rebuilt: boolean;
  inputsHash: string;
}

/** Reuses dist/ when its stamp matches the inputs; otherwise builds beside it and swaps it in only on success. */
export async function ensureFrontEnd(options: EnsureFrontEndOptions): Promise<EnsureFrontEndResult> {
  const { root, distDir, build } = options;
  const inputsHash = frontEndInputsHash(root);
  if (!options.force && readBuildStamp(distDir) === inputsHash) return { rebuilt: false, inputsHash };
  const building = `${distDir}.building-${process.pid}`;
  const old = `${distDir}.old-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    await build(building);
    // The stamp goes in last: a folder with a stamp is a finished build.
    const stampTemp = path.join(building, `${BUILD_STAMP_FILE}.tmp`);
    writeFileSync(stampTemp, JSON.stringify({ inputsHash }) + '\n');
    renameSync(stampTemp, path.join(building, BUILD_STAMP_FILE));
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  if (existsSync(distDir)) renameSync(distDir, old);
  renameSync(building, distDir);
  rmSync(old, { recursive: true, force: true });
  return { rebuilt: true, inputsHash };
}
