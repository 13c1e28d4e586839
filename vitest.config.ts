import { defineConfig } from "vitest/config";

// One `vitest run` runs everything: unit tests, then the built site (build checks and browser tests).
export default defineConfig({
  test: {
    // Browser tests share one machine's two cores: run test files one after the other.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "site",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // Builds dist/ once from the shipped catalogue before the site's tests.
          globalSetup: ["tests/e2e/construire-site.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
