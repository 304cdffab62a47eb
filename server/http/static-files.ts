/** Serves files under one root folder, refusing any path that would leave it. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.b3dm': 'application/octet-stream',
  '.subtree': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.ktx2': 'image/ktx2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type for a file name, by extension. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves a URL path (already stripped of its mount prefix) to a file under `root`, or null when
 * the path is malformed or would escape the root (`..`, encoded slashes, NUL, absolute paths).
 */
export function resolveUnderRoot(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const resolved = path.resolve(root, ...segments);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  return resolved === root || resolved.startsWith(rootWithSep) ? resolved : null;
}

/** Sends a file with its type and a cache policy; answers 404 when it is missing or a folder. */
export async function sendFile(
  response: ServerResponse,
  filePath: string,
  options: { cacheSeconds: number; method: string },
): Promise<void> {
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return sendStatus(response, 404);
    size = info.size;
  } catch {
    return sendStatus(response, 404);
  }
  response.writeHead(200, {
    'content-type': contentTypeFor(filePath),
    'content-length': size,
    'cache-control': options.cacheSeconds > 0 ? `public, max-age=${options.cacheSeconds}` : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (options.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(filePath);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/** Ends a response with a bare status and its reason as text. */
export function sendStatus(response: ServerResponse, status: number): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const body = status === 404 ? 'not found' : status === 405 ? 'method not allowed' : status === 400 ? 'bad request' : 'error';
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(body);
}
