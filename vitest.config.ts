import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages export `./src/index.ts` under the `source` condition, so tests run
// the TypeScript sources directly and never a stale `dist/`. Vite's `module` condition is left
// out: Node never applies it, and packages such as @opentelemetry/api point it at builds with
// extensionless imports that only a bundler can load.
const conditions = ['source', ...defaultServerConditions.filter((c) => c !== 'module')];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'replay/**/*.test.ts',
      'canary/**/*.test.ts',
      'fuzz/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a plain 'N passed, N failed' closing line.
    reporters: ['default', ['json', { outputFile: 'node_modules/.cache/vitest-report.json' }]],
    globalSetup: ['packages/store/test/postgres.global-setup.ts'],
    setupFiles: ['packages/core/test/fast-check-seed.setup.ts'],
  },
});
