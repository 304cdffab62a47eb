/**
 * The HTTP side of the server on fastify: body parsing, limits, errors and headers set once, then
 * the route table (server/app.ts) registered as given. Files go through @fastify/static (ETag/304,
 * Range, precompressed siblings) with our own path check in front (static-files.ts).
 */
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyServerFactory, type HTTPMethods } from 'fastify';
import type { Logger } from '../logger';
import { StoreUnavailableError } from '../store/database';
import type { FileRoot, HttpRoute } from './http-route';
import { parseForm } from './percent-encoding';
import { securityHooks } from './security-headers';
import { contentTypeFor, sendStatus } from './static-files';

const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/** Every method, for a route that words its own refusals (Open311). */
export const ALL_METHODS: HTTPMethods[] = METHODS;

/** How the HTTP app is built. */
export interface HttpAppOptions {
  routes: HttpRoute[];
  logger: Logger;
  /** Puts the app on a server the caller owns (the one socket.io shares); default: fastify's own. */
  serverFactory?: FastifyServerFactory;
  /** For a request no route takes: the dev server's next handler, to pass it on instead of answering 404. */
  passOn?: (request: IncomingMessage) => (() => void) | undefined;
  /** Origins besides the server's own whose pages may post to it and read its public APIs (ALLOWED_ORIGINS); default none. */
  allowedOrigins?: readonly string[];
}

/** Builds the fastify app; call `ready()` (or `listen`) before it answers. */
export function createHttpApp(options: HttpAppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // A wall loads thousands of tiles; only failures are worth a log line.
    logController: new LogController({ disableRequestLogging: true }),
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
    // A URL the router cannot decode (a malformed %-sequence): a 400 worded by the route it was meant for.
    frameworkErrors: (error, request, reply) => {
      const route = routeWordingErrorsFor(options.routes, request.url);
      return route?.errorHandler ? route.errorHandler(error, request, reply) : sendStatus(reply, 400);
    },
    routerOptions: {
      ignoreTrailingSlash: true,
      // One value per name, the last one winning, as URLSearchParams reads a query.
      querystringParser: (query) => Object.fromEntries(new URLSearchParams(query)),
    },
  });
  // Every body arrives as text, whatever its type, for the endpoint's own zod schema to judge; forms arrive parsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  // Forms are checked for malformed %-sequences, which the default parser would read as replacement characters.
  void app.register(fastifyFormbody, { parser: parseForm });
  // Limits per client address on the routes that ask for one (the table's `rateLimit`); refusals go through each route's own error wording.
  void app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`too many requests; try again in ${context.after}`), { statusCode: context.statusCode }),
  });
  const security = securityHooks(options.allowedOrigins ?? []);
  app.addHook('onRequest', security.onRequest);
  app.addHook('onSend', security.onSend);
  // An early refusal (413, 401 before the body) leaves the body unread; say the connection ends with this reply,
  // or a keep-alive client sends its next request down a socket Node is about to reset.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.raw.complete) reply.header('connection', 'close');
    return payload;
  });
  const passOn = options.passOn;
  if (passOn) {
    app.addHook('onRequest', async (request, reply) => {
      const next = request.is404 ? passOn(request.raw) : undefined;
      if (!next) return;
      reply.hijack();
      next();
      return reply;
    });
  }
  app.setNotFoundHandler((_request, reply) => sendStatus(reply, 404));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error, url: request.url }, 'request failed');
    // The store's own words are safe to show (store/database.ts); any other error's are not.
    if (error instanceof StoreUnavailableError) return reply.code(503).header('retry-after', '30').type('text/plain; charset=utf-8').send(error.message);
    return sendStatus(reply, status);
  });

  const byRoot = new Map<FileRoot | undefined, HttpRoute[]>();
  for (const route of options.routes) byRoot.set(route.files, [...(byRoot.get(route.files) ?? []), route]);
  for (const [files, routes] of byRoot) {
    // In a scope of their own too, registered after the plugins above, so the rate limiter sees them.
    if (!files) void app.register(async (scope) => addRoutes(scope, routes));
    // Each file root in its own scope, so each has its own reply.sendFile.
    else
      void app.register(async (scope) => {
        const types = new WeakMap<object, string>();
        await scope.register(fastifyStatic, staticOptions(files, types));
        // @fastify/static types a compressed file by its own table; keep the one type a file has either way.
        scope.addHook('onSend', async (_request, reply, payload) => {
          const type = types.get(reply);
          if (type && reply.hasHeader('content-encoding')) reply.header('content-type', type);
          return payload;
        });
        addRoutes(scope, routes);
      });
  }
  return app;
}

/** @fastify/static's options for a root; `types` keeps each reply's content type for the hook above. */
function staticOptions(files: FileRoot, types: WeakMap<object, string>) {
  return {
    root: files.root,
    serve: false,
    preCompressed: files.preCompressed,
    index: false as const,
    // The root's policy, set below for each file.
    cacheControl: false,
    setHeaders: (reply: { header: (name: string, value: string) => unknown }, filePath: string) => {
      const original = files.preCompressed ? filePath.replace(/\.(br|gz)$/, '') : filePath;
      const type = contentTypeFor(original);
      types.set(reply, type);
      reply.header('content-type', type);
      reply.header('cache-control', files.cacheControl(path.relative(files.root, original).split(path.sep).join('/')));
    },
  };
}

/** The route with its own error wording whose path (a wildcard path by its prefix) a request's URL falls under. */
function routeWordingErrorsFor(routes: HttpRoute[], url: string): HttpRoute | undefined {
  const path = url.split('?')[0]!;
  return routes.find((route) => route.errorHandler && (route.url.endsWith('*') ? path.startsWith(route.url.slice(0, -1)) : path === route.url));
}

function addRoutes(scope: FastifyInstance, routes: HttpRoute[]): void {
  for (const route of routes) {
    scope.route({
      method: route.method,
      url: route.url,
      handler: route.handler,
      ...(route.bodyLimit !== undefined ? { bodyLimit: route.bodyLimit } : {}),
      config: {
        ...(route.rateLimit ? { rateLimit: { max: route.rateLimit.max, timeWindow: route.rateLimit.windowMs } } : {}),
        ...(route.cors ? { cors: true } : {}),
      },
      ...(route.onRequest ? { onRequest: route.onRequest } : {}),
      ...(route.errorHandler ? { errorHandler: route.errorHandler } : {}),
    });
    const otherMethods = route.otherMethods;
    if (!otherMethods) continue;
    const taken = new Set([route.method].flat());
    if (taken.has('GET')) taken.add('HEAD');
    scope.route({ method: METHODS.filter((m) => !taken.has(m)), url: route.url, handler: async (_request, reply) => otherMethods(reply) });
  }
}
