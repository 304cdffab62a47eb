/** The application factory: routes, hub and clock on a given HTTP server, with injected deps. */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { CityClock } from './clock/city-clock';
import { handleApiRequest, handleStaticRequest } from './http/routes';
import { sendStatus } from './http/static-files';
import { createHub, type HubServer } from './hub/hub';
import type { Logger } from './logger';

/** Dependencies of the application. */
export interface AppDeps {
  logger: Logger;
  tilesDir: string;
  /** Built front end folder; null when a dev server serves pages (then no request listener is added for them). */
  distDir: string | null;
  defaultCity: string;
  serverVersion: string;
  clock?: CityClock;
  clockStartMs?: number;
  clockRate?: number;
  clockSyncMs?: number;
}

/** A running application. */
export interface Application {
  io: HubServer;
  clock: CityClock;
  /** Handles the API and pack routes; false when the path is not one of them (for dev middleware). */
  handleApi: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  /** Stops timers and closes sockets (not the HTTP server, which the caller owns). */
  close: () => Promise<void>;
}

/** Builds the application on an HTTP server it does not own. */
export function createApplication(httpServer: HttpServer, deps: AppDeps): Application {
  const clock =
    deps.clock ?? new CityClock({ startSimTimeMs: deps.clockStartMs ?? Date.now(), rate: deps.clockRate ?? 1, playing: true });
  const hub = createHub(httpServer, {
    clock,
    logger: deps.logger,
    defaultCity: deps.defaultCity,
    serverVersion: deps.serverVersion,
    clockSyncMs: deps.clockSyncMs ?? 10_000,
  });
  const routeOptions = {
    tilesDir: deps.tilesDir,
    distDir: deps.distDir,
    defaultCity: deps.defaultCity,
    serverVersion: deps.serverVersion,
    health: () => ({ clients: hub.io.engine.clientsCount }),
  };
  const handleApi = (request: IncomingMessage, response: ServerResponse) =>
    handleApiRequest(request, response, routeOptions);

  if (deps.distDir !== null) {
    const distDir = deps.distDir;
    httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
      // socket.io answers its own path on this same server.
      if (request.url?.startsWith('/socket.io/')) return;
      handleApi(request, response)
        .then((handled) => (handled ? undefined : handleStaticRequest(request, response, distDir)))
        .catch((error: unknown) => {
          deps.logger.error({ err: error, url: request.url }, 'request failed');
          sendStatus(response, 500);
        });
    });
  }

  return {
    io: hub.io,
    clock,
    handleApi,
    close: async () => {
      hub.stop();
      await new Promise<void>((resolve) => hub.io.close(() => resolve()));
    },
  };
}
