/** Browser suite: Playwright (Debian Chromium, software WebGL) against the real built server. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Software WebGL draws a few frames a second: minutes, not seconds.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // One browser at a time: two would halve each one's frame rate on a 2-core box.
    fileParallelism: false,
    // One retry: a browser on a shared 2-core box now and then misses a start; a real break fails twice.
    retry: 1,
  },
});
