/** Builds the front end once and starts the real server for the browser suite. */
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { startServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess | null = null;

/** Vitest global setup: build, serve, and hand the URL to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  await build({ logLevel: 'warn' });
  // A fixed afternoon, so the scene is lit the same way on every run.
  server = await startServer({ env: { CLOCK_START: '2026-06-12T07:00:00Z', CLOCK_RATE: '1' } });
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
