/**
 * ESLint: typescript-eslint's recommended rules over the whole tree, plus the import boundaries that keep
 * the layout true (docs/architecture.md, "Rules the linter enforces"). Formatting is Prettier's job.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** The live layers: one folder each under src/layers/ (files beside them are the layer kit, shared by all). */
const layers = readdirSync(path.join(root, 'src/layers'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const engines = ['node_modules/cesium', 'node_modules/@cesium', 'node_modules/preact'];
const browserState = ['src/store', 'src/connection'];
const browserUi = ['src/scene', 'src/layers', 'src/surfaces', 'src/ui'];

/**
 * One zone per rule: files under `target` may not import modules under `from` (paths from the repository root;
 * packages by their node_modules folder). The message says where the code goes instead.
 */
export const boundaries = [
  {
    target: 'src/protocol',
    from: ['server', ...browserState, ...browserUi, ...engines],
    message:
      'src/protocol/ is what server and browser share: it imports neither server/ nor browser code (store, scene, layers, surfaces, ui, cesium, preact). Move the schema or type here, and the code that needs the rest to server/ or src/.',
  },
  {
    target: ['src/city', 'src/weather'],
    from: [...browserUi, ...engines],
    message:
      'src/city/ and src/weather/ are the engine-free core: no cesium, no preact, nothing from scene/, layers/, surfaces/ or ui/. Keep the plain logic here and the drawing in a layer or src/scene/.',
  },
  {
    target: 'src/scene',
    from: ['src/layers', 'src/surfaces', 'src/ui'],
    message:
      'src/scene/ holds the Cesium adapters layers build on: it imports no layer, surface or panel. Move what both need into src/scene/ (Cesium) or src/city/ (engine-free), and let the surface compose the layer.',
  },
  ...layers.map((layer) => ({
    target: `src/layers/${layer}`,
    from: layers.filter((other) => other !== layer).map((other) => `src/layers/${other}`),
    message: `A layer does not import another layer (src/layers/${layer}/ → a sibling): move what both need to src/city/ (engine-free) or src/scene/ (Cesium), or beside the layer kit in src/layers/.`,
  })),
  {
    target: 'server/feed',
    from: 'server/planner',
    message: 'server/feed/ knows rooms and hubs only: the planner reaches rooms through a small interface, and server/app.ts (the composition root) wires the two together.',
  },
  {
    target: 'server',
    from: [...browserState, ...browserUi, ...engines],
    message: 'The server shares only src/protocol/, src/city/ and src/weather/ with the browser: move the engine-free part there, or keep it in server/.',
  },
  {
    target: 'tiles',
    from: ['server', ...browserState, ...browserUi, ...engines],
    message: 'The city-pack builder runs offline, apart from the server and the browser: it shares code only through src/protocol/ and src/city/ (move what it needs there).',
  },
];

/** Runtime code does not import a command-line module: shared constants go to a small module both import. */
const cliBoundary = {
  target: ['src', 'server', 'tiles'],
  from: '{server/**,tiles}/cli.ts',
  message: 'A CLI module is an entry point, not a library: move what runtime code needs (constants, parsers) to a module the CLI and the runtime both import.',
};

/** `import-x/no-restricted-paths` options with the given zones, resolved from the repository root. */
const restrictedPaths = (zones) => ['error', { basePath: root, zones }];

export default defineConfig(
  {
    ignores: ['dist/', 'coverage/', 'test-results/', '.vite/', 'tiles/*/**', '!tiles/builder/**', '!tiles/types/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  // A disable comment whose rule no longer fires is noise that hides the next real one.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    plugins: { 'import-x': importX },
    settings: {
      // Extensionless and `.js`-suffixed specifiers both name TypeScript sources (moduleResolution Bundler).
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
          conditionNames: ['types', 'import', 'browser', 'default'],
        }),
      ],
    },
    rules: {
      // `const { id: _id, ...rest } = x` is how we leave keys out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'import-x/no-restricted-paths': restrictedPaths([...boundaries, cliBoundary]),
    },
  },
  {
    // The browser talks to its server in one folder: src/connection/ fetches and validates, the rest reads what it returns.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/connection/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The browser fetches in src/connection/ only: add a function there that fetches and validates the reply with a src/protocol/ schema, and call it from here' },
      ],
    },
  },
  {
    // Every client event is a request whose reply src/connection/request.ts reads against the event table; a bare emit would take the reply unchecked.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/connection/request.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^emit(WithAck)?$/]',
          message: 'Send a client event with request() from src/connection/request.ts: it validates the acknowledgement with the event table',
        },
      ],
    },
  },
  {
    // Tests drive a CLI's parser and entry point directly.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'import-x/no-restricted-paths': restrictedPaths(boundaries) },
  },
);
