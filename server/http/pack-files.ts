/**
 * The city packs under /tiles/, as the route table serves them: exactly what a page reads and
 * nothing else of the folder (its sources, the builder's code, the planner's scenarios, the
 * recordings' chunks). What the browser fetches (src/connection/): a pack's manifest, tileset,
 * layers and graph (`/tiles/<city>/*.json|geojson`), its building tiles (`buildings/*.glb`) and a
 * city's named weather days (`/tiles/recordings/<city>/weather/days.json`). The rest is a 404.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { RouteHandlerMethod } from 'fastify';
import { isFileId } from '../../src/protocol/ids';
import type { FileRoot } from './http-route';
import { rawPathOf, resolveUnderRoot, sendStatus, sendUnderRoot } from './static-files';

/** The URL prefix of the packs. */
export const PACK_PREFIX = '/tiles/';

/** The kinds of file a pack holds (tiles/builder): JSON and GeoJSON layers, glTF building tiles. */
const PACK_FILE_KINDS = new Set(['.json', '.geojson', '.glb']);

/** A file name in a pack: no hidden files (a build's temporary folders start with a dot), no odd characters. */
const PACK_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The packs folder: rebuilt in place, so a short cache keeps a rebuilt city visible within a minute (ETag revalidates after). */
export function packFiles(tilesDir: string): FileRoot {
  return { root: tilesDir, preCompressed: false, cacheControl: () => 'public, max-age=60' };
}

/** Whether a path under the packs folder (its segments) is one a page reads; `isPack` says whether a city id names a built pack. */
export async function isServedPackPath(segments: readonly string[], isPack: (city: string) => Promise<boolean>): Promise<boolean> {
  const [first, ...rest] = segments;
  if (first === 'recordings') return rest.length === 3 && isFileId(rest[0]) && rest[1] === 'weather' && rest[2] === 'days.json';
  if (!isFileId(first) || rest.length === 0 || rest.length > 2) return false;
  if (rest.length === 2 && rest[0] !== 'buildings') return false;
  const name = rest[rest.length - 1]!;
  return PACK_FILE_NAME.test(name) && PACK_FILE_KINDS.has(path.extname(name).toLowerCase()) && (await isPack(first));
}

/** Serves a file a page reads from the packs folder; 400 for a path that would leave it, 404 for anything else in it. */
export function packFileHandler(tilesDir: string): RouteHandlerMethod {
  const isPack = (city: string) =>
    stat(path.join(tilesDir, city, 'manifest.json')).then(
      (s) => s.isFile(),
      () => false,
    );
  return async (request, reply) => {
    const urlPath = rawPathOf(request).slice(PACK_PREFIX.length);
    const file = resolveUnderRoot(tilesDir, urlPath);
    if (!file) return sendStatus(reply, 400);
    if (!(await isServedPackPath(path.relative(tilesDir, file).split(path.sep), isPack))) return sendStatus(reply, 404);
    return sendUnderRoot(reply, tilesDir, urlPath);
  };
}
