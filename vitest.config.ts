/** Unit tests: `*.test.ts` beside the code; the browser suite has its own config (vitest.e2e.config.ts). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tiles/**/*.test.ts', 'bench/**/*.test.ts', 'tests/support/**/*.test.ts', 'eslint.config.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
  },
});
