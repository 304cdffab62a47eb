/**
 * `npm start`'s first step: builds the front end only when its inputs changed since the last good build
 * (`--force`, as `npm run build` passes, always builds). A failed build exits non-zero and leaves dist/ as it was.
 */
import path from 'node:path';
import { ensureFrontEnd } from './http/front-end-build';

const root = path.resolve(import.meta.dirname, '..');
const distDir = path.resolve(process.env.DIST_DIR ?? path.join(root, 'dist'));
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

const started = performance.now();
const result = await ensureFrontEnd({
  root,
  distDir,
  force: process.argv.includes('--force'),
  // vite loads only when a build is due: a start with an up-to-date dist/ does not pay for it.
  build: async (outDir) => {
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  },
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  result.rebuilt
    ? `front end built into ${path.relative(root, distDir) || distDir} (${seconds} s)`
    : `front end up to date: reusing ${path.relative(root, distDir) || distDir} (checked in ${seconds} s)`,
);
