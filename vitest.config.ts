import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One throwaway Neo4j for the whole run; integration and browser tests talk to it for real.
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The contract's type-level tests: tsc over tests/types, failing the run on a type error.
      {
        extends: true,
        test: { name: 'types', include: [], typecheck: { enabled: true, only: true, include: ['tests/types/**/*.test-d.ts'], tsconfig: 'tsconfig.json' } },
      },
      {
        extends: true,
        // Files share one database, so they run one after another; the security suite checks the
        // whole graph's checksum, so it must not overlap with tests that write.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000 },
      },
    ],
  },
});
