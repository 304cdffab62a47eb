/**
 * HTTP routes of the one server: health, public config, city packs, and (in production) the built
 * pages and Cesium's static assets. socket.io attaches to the same server and takes `/socket.io/`.
 */
import { readdir, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { PublicConfig } from '../../src/protocol/events';
import { resolveUnderRoot, sendFile, sendStatus } from './static-files';

/** What the routes need to know. */
export interface RouteOptions {
  tilesDir: string;
  /** Built front end; null in dev, where Vite serves pages and assets. */
  distDir: string | null;
  defaultCity: string;
  serverVersion: string;
  /** Extra health facts (connected clients…). */
  health: () => Record<string, unknown>;
}

/** Page paths and the built HTML file each serves. */
export const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/kiosk': 'kiosk.html',
  '/planner': 'planner.html',
};

/** Lists the city packs (folders under tiles/ holding a manifest.json). */
export async function listCities(tilesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(tilesDir);
  } catch {
    return [];
  }
  const cities: string[] = [];
  for (const name of names.sort()) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) continue;
    try {
      if ((await stat(path.join(tilesDir, name, 'manifest.json'))).isFile()) cities.push(name);
    } catch {
      // not a pack
    }
  }
  return cities;
}

function sendJson(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
  response.end(JSON.stringify(body));
}

/**
 * Handles the API and pack routes; returns false for a path it does not own, so a dev server or
 * the page routes can take it. Never throws: a failure ends the response with a status.
 */
export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: RouteOptions,
): Promise<boolean> {
  const pathname = pathnameOf(request);
  if (pathname === null) return false;
  if (pathname === '/healthz') {
    sendJson(response, { ok: true, uptimeS: Math.round(process.uptime()), ...options.health() });
    return true;
  }
  if (pathname === '/api/config') {
    const config: PublicConfig = {
      defaultCity: options.defaultCity,
      cities: await listCities(options.tilesDir),
      serverVersion: options.serverVersion,
    };
    sendJson(response, config);
    return true;
  }
  if (pathname.startsWith('/tiles/')) {
    const file = resolveUnderRoot(options.tilesDir, pathname.slice('/tiles/'.length));
    if (!isReadMethod(request)) sendStatus(response, 405);
    else if (!file) sendStatus(response, 400);
    // Packs are rebuilt in place; a short cache keeps a rebuilt city visible within a minute.
    else await sendFile(response, file, { cacheSeconds: 60, method: request.method ?? 'GET' });
    return true;
  }
  return false;
}

/** Serves the built pages and assets from dist/; 404 for anything else. */
export async function handleStaticRequest(
  request: IncomingMessage,
  response: ServerResponse,
  distDir: string,
): Promise<void> {
  const pathname = pathnameOf(request);
  if (pathname === null) return sendStatus(response, 400);
  if (!isReadMethod(request)) return sendStatus(response, 405);
  const method = request.method ?? 'GET';
  const page = PAGES[pathname.replace(/\/+$/, '') || '/'];
  if (page) return sendFile(response, path.join(distDir, page), { cacheSeconds: 0, method });
  if (Object.values(PAGES).includes(pathname.slice(1))) return sendStatus(response, 404);
  const file = resolveUnderRoot(distDir, pathname);
  if (!file) return sendStatus(response, 400);
  // Hashed bundles never change under a name; Cesium's static files change only with its version.
  const cacheSeconds = pathname.startsWith('/assets/') ? 31_536_000 : 3_600;
  return sendFile(response, file, { cacheSeconds, method });
}

function isReadMethod(request: IncomingMessage): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

function pathnameOf(request: IncomingMessage): string | null {
  const raw = request.url ?? '/';
  if (!raw.startsWith('/')) return null;
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}
