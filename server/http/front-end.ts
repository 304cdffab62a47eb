/** The built front end: the three pages and the bundles beside them, as the route table serves them. */
import type { RouteHandlerMethod } from 'fastify';
import type { FileRoot } from './http-route';
import { rawPathOf, sendStatus, sendUnderRoot } from './static-files';

/** Page paths and the built HTML file each serves. */
export const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/kiosk': 'kiosk.html',
  '/planner': 'planner.html',
};

/** A year: the longest a cache keeps anything. */
const YEAR_S = 31_536_000;

/**
 * The front end folder: content-hashed bundles (assets/) never change under a name; pages and the
 * manifest are revalidated on every load (ETag, 304); Cesium's static files change only with its version.
 */
export function frontEndFiles(distDir: string): FileRoot {
  return {
    root: distDir,
    preCompressed: true,
    cacheControl: (file) => (/\.(html|webmanifest)$|(^|\/)manifest\.json$/.test(file) ? 'no-cache' : file.startsWith('assets/') ? `public, max-age=${YEAR_S}, immutable` : 'public, max-age=3600'),
  };
}

/** Serves one built page. */
export function pageHandler(file: string): RouteHandlerMethod {
  return async (_request, reply) => reply.sendFile(file);
}

/** Serves a built file under dist/; a page only at its own path (404 for /kiosk.html), 400 for a path that would leave dist/. */
export function assetHandler(distDir: string): RouteHandlerMethod {
  const pageFiles = new Set(Object.values(PAGES));
  return async (request, reply) => {
    const urlPath = rawPathOf(request);
    if (pageFiles.has(urlPath.slice(1))) return sendStatus(reply, 404);
    return sendUnderRoot(reply, distDir, urlPath);
  };
}
