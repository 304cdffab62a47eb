/** Serves files under one root folder, refusing any path that would leave it. */
import path from 'node:path';
import '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** The path of a request as sent, before any decoding (so `..` and encoded slashes reach resolveUnderRoot as written). */
export function rawPathOf(request: FastifyRequest): string {
  const end = request.url.search(/[?#]/);
  return end === -1 ? request.url : request.url.slice(0, end);
}

/** Sends the file at `urlPath` under `root` through @fastify/static (ETag, 304, Range); 400 for a path that would leave the root. */
export function sendUnderRoot(reply: FastifyReply, root: string, urlPath: string): FastifyReply {
  const file = resolveUnderRoot(root, urlPath);
  if (!file) return sendStatus(reply, 400);
  if (file === root) return sendStatus(reply, 404);
  // @fastify/send decodes the path once more: hand it each segment encoded.
  return reply.sendFile(path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/'), root);
}

const STATUS_TEXT: Record<number, string> = { 400: 'bad request', 404: 'not found', 405: 'method not allowed' };

/** Ends a response with a bare status and its reason as text. */
export function sendStatus(reply: FastifyReply, status: number): FastifyReply {
  return reply
    .code(status)
    .type('text/plain; charset=utf-8')
    .send(STATUS_TEXT[status] ?? 'error');
}
