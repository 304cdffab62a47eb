/** The application factory: routes, hub and city feed on a given HTTP server, with injected deps. */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createCityFeed, defaultRecordings, type CityFeed, type CityFeedConfig } from './feed/city-feed';
import { handleApiRequest, handleStaticRequest } from './http/routes';
import { sendStatus } from './http/static-files';
import { createHub, type HubServer } from './hub/hub';
import type { Logger } from './logger';
import { sharedChunkDecoders } from './recording/chunk-decoders';

/** Dependencies of the application. */
export interface AppDeps {
  logger: Logger;
  tilesDir: string;
  /** Built front end folder; null when a dev server serves pages (then no request listener is added for them). */
  distDir: string | null;
  defaultCity: string;
  serverVersion: string;
  /** The feed: tokens, clock rate and start, live inputs; recordings default to the city's own. */
  feed: Omit<CityFeedConfig, 'tilesDir' | 'city' | 'logger' | 'recordings'> & { recordings?: string[] | undefined };
}

/** A running application. */
export interface Application {
  io: HubServer;
  /** The city feed, once its recordings and pack are open (rejects if they cannot be). */
  feed: Promise<CityFeed>;
  /** Handles the API, feed and pack routes; false when the path is not one of them (for dev middleware). */
  handleApi: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  /** Stops timers and closes sockets (not the HTTP server, which the caller owns). */
  close: () => Promise<void>;
}

/** Builds the application on an HTTP server it does not own. */
export function createApplication(httpServer: HttpServer, deps: AppDeps): Application {
  const hub = createHub(httpServer, { logger: deps.logger, defaultCity: deps.defaultCity, serverVersion: deps.serverVersion });
  const feed = createCityFeed(hub.io, {
    ...deps.feed,
    tilesDir: deps.tilesDir,
    city: deps.defaultCity,
    logger: deps.logger,
    recordings: deps.feed.recordings ?? defaultRecordings(deps.tilesDir, deps.defaultCity),
  });
  feed.catch((error: unknown) => deps.logger.error({ err: error }, 'the city feed could not start'));
  let metrics: CityFeed['metrics'] | null = null;
  void feed.then((f) => (metrics = f.metrics), () => undefined);

  const routeOptions = {
    tilesDir: deps.tilesDir,
    distDir: deps.distDir,
    defaultCity: deps.defaultCity,
    serverVersion: deps.serverVersion,
    health: () => ({ clients: hub.io.engine.clientsCount, feed: metrics ? 'running' : 'starting' }),
  };
  const feedPaths = /^\/(ingest|metrics|open311\/|api\/route\b|api\/weather\/)/;
  const handleApi = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (feedPaths.test(request.url ?? '')) {
      const running = await feed.catch(() => null);
      if (!running) {
        sendStatus(response, 503);
        return true;
      }
      if (await running.handleHttp(request, response)) return true;
    }
    return handleApiRequest(request, response, routeOptions);
  };

  if (deps.distDir !== null) {
    const distDir = deps.distDir;
    httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
      // socket.io answers its own path on this same server.
      if (request.url?.startsWith('/socket.io/')) return;
      handleApi(request, response)
        .then((handled) => (handled ? undefined : handleStaticRequest(request, response, distDir)))
        .catch((error: unknown) => {
          deps.logger.error({ err: error, url: request.url }, 'request failed');
          if (!response.headersSent) sendStatus(response, 500);
        });
    });
  }

  return {
    io: hub.io,
    feed,
    handleApi,
    close: async () => {
      await (await feed.catch(() => null))?.close();
      await sharedChunkDecoders.close(); // also the workers of recordings left open (a planner's scenarios)
      await new Promise<void>((resolve) => hub.io.close(() => resolve()));
    },
  };
}
