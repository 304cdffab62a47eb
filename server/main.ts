/** Entry point: `npm run serve` starts the one server on HOST:PORT. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:http';
import { createApplication } from './app';
import { feedOptions, loadConfig } from './config';
import { createLogger } from './logger';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
/** The package version plus the build's time: a wall that reconnects to a newer build reloads itself. */
function serverVersion(): string {
  try {
    return `${packageJson.version}+${Math.round(statSync(path.join(config.distDir, 'index.html')).mtimeMs)}`;
  } catch {
    return packageJson.version;
  }
}

const httpServer = createServer();
// Drop half-open keep-alive sockets of kiosks that vanished, but let tile loads finish.
httpServer.keepAliveTimeout = 10_000;
const app = createApplication(httpServer, {
  logger,
  tilesDir: config.tilesDir,
  distDir: config.distDir,
  defaultCity: config.defaultCity,
  serverVersion: serverVersion(),
  feed: feedOptions(config),
  database: config.database,
  allowedOrigins: config.allowedOrigins,
});
if (config.generatedTokens.length > 0) {
  // Staff need these to steer the clock or post live data; set them in the environment to keep them.
  logger.info(Object.fromEntries(config.generatedTokens.map((name) => [name, config.tokens[name.split('_')[0]!.toLowerCase() as 'operator' | 'planner' | 'ingest']])), 'generated tokens for this run');
}

// A city that cannot open (its pack, its recordings, its database: a full or read-only DATA_DIR) leaves
// nothing to serve: say why and exit non-zero, for the supervisor and the operator reading its log.
app.feed.catch((error: unknown) => {
  logger.fatal({ err: error }, 'the city could not start; exiting');
  process.exit(1);
});

httpServer.on('error', (error) => {
  logger.fatal({ err: error }, 'server error');
  process.exit(1);
});
httpServer.listen(config.port, config.host, () => {
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://${config.host}:${port}/`, city: config.defaultCity }, 'sandtable listening');
});

// Every message from outside is validated before it reaches a handler, so an uncaught exception is a bug and
// the process is in a state nobody knows: log it and exit non-zero for the supervisor to start a fresh one.
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception; exiting');
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled rejection; exiting');
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    logger.info({ signal }, 'shutting down');
    void app.close().finally(() => httpServer.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
