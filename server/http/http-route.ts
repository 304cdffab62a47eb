/** One row of the server's route table: method, path, handler, and what the framework checks first. */
import type { FastifyError, FastifyReply, FastifyRequest, HTTPMethods, onRequestHookHandler, RouteHandlerMethod } from 'fastify';

/** A folder `reply.sendFile` serves from, with its cache policy. */
export interface FileRoot {
  root: string;
  /** Serve `<file>.br` / `<file>.gz` beside a file when the client accepts them. */
  preCompressed: boolean;
  /** The Cache-Control value for a file (its path under the root, without a compression suffix). */
  cacheControl: (filePath: string) => string;
}

/** One HTTP endpoint. */
export interface HttpRoute {
  method: HTTPMethods | HTTPMethods[];
  url: string;
  handler: RouteHandlerMethod;
  /** The answer to any other method, worded as the endpoint words its errors (405). */
  otherMethods?: (reply: FastifyReply) => FastifyReply;
  /** The folder this route's handler sends files from. */
  files?: FileRoot;
  /** Largest body in bytes; the framework answers 413 above it. */
  bodyLimit?: number;
  /** Most requests one client address may make in a window; the framework answers 429 (with Retry-After) above it. */
  rateLimit?: { max: number; windowMs: number };
  /** A public API: pages of the configured origins may read its answers (CORS, preflight included; security-headers.ts). */
  cors?: boolean;
  /** Checks that must pass before the body is read (a token). */
  onRequest?: onRequestHookHandler;
  /** The endpoint's own wording of framework errors (413, 400). */
  errorHandler?: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;
}
