/** Builds the front end (unless dist/ is up to date with the sources) and starts the real server for the browser suite. */
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { ensureFrontEnd } from '../../server/http/front-end-build';
import { startServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess | null = null;
/** The planner token the suite's server takes (the planner page's tests log in with it). */
const E2E_PLANNER_TOKEN = 'e2e-planner-token-1';
/** The operator token (the clock control's tests open a wall with it). */
const E2E_OPERATOR_TOKEN = 'e2e-operator-token-1';

/** Vitest global setup: build, serve, and hand the URL to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  // The same stamp as npm start: a dist/ built from exactly these sources is reused, anything else is rebuilt.
  const root = resolve(import.meta.dirname, '../..');
  await ensureFrontEnd({ root, distDir: join(root, 'dist'), build: async (outDir) => void (await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } })) });
  // A fixed afternoon of the demo day (15:00 in Shanghai), so the scene is lit the same way on every run.
  server = await startServer({
    env: {
      CLOCK_START: '2014-06-12T07:00:00Z',
      CLOCK_RATE: '1',
      PLANNER_TOKEN: E2E_PLANNER_TOKEN,
      OPERATOR_TOKEN: E2E_OPERATOR_TOKEN,
      // The halls the suites' walls join without staff opening them first (the feed's two walls, the weather test's room).
      HALLS: 'main,ring,e2e-weather',
    },
  });
  project.provide('baseUrl', server.url);
  project.provide('plannerToken', E2E_PLANNER_TOKEN);
  project.provide('operatorToken', E2E_OPERATOR_TOKEN);
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    plannerToken: string;
    operatorToken: string;
  }
}
