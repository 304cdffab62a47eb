/**
 * Writes `<file>.br` and `<file>.gz` beside each compressible file of a folder, once at build time,
 * so the server (@fastify/static with preCompressed) sends them without compressing per request.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text-like files that shrink; images, models and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|geojson|svg|wasm|txt|xml|webmanifest)$/i;
/** Smaller files cost more in headers and stats than they save. */
const MIN_BYTES = 1024;

/** What a run wrote. */
export interface PrecompressSummary {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Compresses every compressible file of `dir` (at least 1 KB, and only where it shrinks by a tenth) with brotli 11 and gzip 9. */
export async function precompressFolder(dir: string): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const candidates = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.test(file));
  // zlib runs on libuv's thread pool: a few files at a time keep it busy without holding every file in memory.
  const queue = [...candidates];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if ((await stat(file)).size < MIN_BYTES) continue;
      const content = await readFile(file);
      const [br, gzipped] = await Promise.all([
        brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength } }),
        gz(content, { level: 9 }),
      ]);
      if (br.byteLength > content.byteLength * 0.9) continue;
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
      summary.files++;
      summary.bytes += content.byteLength;
      summary.brotliBytes += br.byteLength;
      summary.gzipBytes += gzipped.byteLength;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return summary;
}
