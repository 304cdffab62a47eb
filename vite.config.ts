/**
 * Vite build and dev server. The dev server behaves like `npm start`: the same pages at `/`,
 * `/kiosk`, `/planner`, the packs under `/tiles/`, Cesium's assets and socket.io, on one port.
 */
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { createApplication } from './server/app';
import { feedOptions, loadConfig } from './server/config';
import { PAGES } from './server/http/front-end';
import { precompressFolder } from './server/http/precompress';
import { createLogger } from './server/logger';

const root = import.meta.dirname;
const cesiumBuild = 'node_modules/cesium/Build/Cesium';

/** Mounts the server's API, packs and socket.io hub on the Vite dev server. */
function sandtableServer(): Plugin {
  return {
    name: 'sandtable-server',
    apply: 'serve',
    configureServer(server) {
      const config = loadConfig({ ...process.env, PORT: process.env.PORT ?? '8080' }, root);
      const httpServer = server.httpServer as HttpServer | null;
      if (!httpServer) return;
      const app = createApplication(httpServer, {
        logger: createLogger(config.logLevel),
        tilesDir: config.tilesDir,
        distDir: null,
        defaultCity: config.defaultCity,
        serverVersion: 'dev',
        feed: feedOptions(config),
        database: config.database,
        allowedOrigins: config.allowedOrigins,
      });
      httpServer.on('close', () => void app.close());
      server.middlewares.use((request, response, next) => {
        const pathname = (request.url ?? '/').split('?')[0]!;
        const page = PAGES[pathname.replace(/\/+$/, '')];
        if (page && pathname !== '/') request.url = `/${page}${request.url!.slice(pathname.length)}`;
        // The server's own route table; whatever it has no route for (modules, pages) goes on to Vite.
        app.handle(request, response, next);
      });
    },
  };
}

/** After the build (and the copy of Cesium's files): `.br` and `.gz` beside each text file, for the server to send as they are. */
function precompress(): Plugin {
  let outDir = '';
  let failed = false;
  return {
    name: 'sandtable-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    buildEnd(error) {
      failed = error !== undefined;
    },
    async closeBundle() {
      // A failed build wrote nothing to compress; compressing anyway would hide its error behind ENOENT.
      if (failed) return;
      const s = await precompressFolder(outDir);
      this.info(`precompressed ${s.files} files: ${(s.bytes / 1e6).toFixed(1)} MB → ${(s.brotliBytes / 1e6).toFixed(1)} MB br, ${(s.gzipBytes / 1e6).toFixed(1)} MB gz`);
    },
  };
}

/**
 * Knockout (bundled with Cesium's widgets, imported by its Viewer) finds the global object with
 * `this || (0,eval)("this")`; in an ES module `this` is undefined, so it evaluates a string, which the
 * Content-Security-Policy (no 'unsafe-eval') refuses and the whole bundle fails to start. `globalThis`
 * is the same object without an eval. Its other string evaluations (binding parsing, a JSON fallback)
 * serve widgets the viewer does not create.
 */
function knockoutWithoutEval(): Plugin {
  const lookup = 'this||(0,eval)("this")';
  return {
    name: 'sandtable-knockout-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]knockout-[\d.]+\.js$/.test(id)) return null;
      if (!code.includes(lookup)) this.error(`knockout's global lookup changed (${id}): check it still needs no eval under the CSP`);
      return { code: code.replace(lookup, 'this||globalThis'), map: null };
    },
  };
}

export default defineConfig({
  define: { CESIUM_BASE_URL: JSON.stringify('/cesiumStatic') },
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6_000, // Cesium is one ~4 MB chunk by design
    rollupOptions: {
      input: Object.fromEntries(Object.values(PAGES).map((file) => [file.replace('.html', ''), path.join(root, file)])),
    },
  },
  plugins: [
    viteStaticCopy({
      // structured + stripBase 4: node_modules/cesium/Build/Cesium/Workers/x.js lands at cesiumStatic/Workers/x.js.
      structured: true,
      targets: ['ThirdParty', 'Workers', 'Assets', 'Widgets'].map((folder) => ({
        src: `${cesiumBuild}/${folder}`,
        dest: 'cesiumStatic',
        rename: { stripBase: 4 },
      })),
    }),
    knockoutWithoutEval(),
    sandtableServer(),
    precompress(),
  ],
});
