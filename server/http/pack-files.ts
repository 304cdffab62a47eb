/** The city packs under /tiles/: tiles, graph and layers, as the route table serves them. */
import type { RouteHandlerMethod } from 'fastify';
import type { FileRoot } from './http-route';
import { rawPathOf, sendUnderRoot } from './static-files';

/** The URL prefix of the packs. */
export const PACK_PREFIX = '/tiles/';

/** The packs folder: rebuilt in place, so a short cache keeps a rebuilt city visible within a minute (ETag revalidates after). */
export function packFiles(tilesDir: string): FileRoot {
  return { root: tilesDir, preCompressed: false, cacheControl: () => 'public, max-age=60' };
}

/** Serves a file of a pack; 400 for a path that would leave the packs folder. */
export function packFileHandler(tilesDir: string): RouteHandlerMethod {
  return async (request, reply) => sendUnderRoot(reply, tilesDir, rawPathOf(request).slice(PACK_PREFIX.length));
}
