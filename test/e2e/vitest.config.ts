import { defineConfig } from "vitest/config";

// Browser tests: Playwright (playwright-core) drives the system Chromium against the sandbox
// EHR through real SMART launches. E2E=0 skips them on purpose.
const skip = process.env.E2E === "0";

export default defineConfig({
  test: {
    include: skip ? [] : ["test/e2e/**/*.e2e.ts"],
    passWithNoTests: skip,
    environment: "node",
    globalSetup: skip ? [] : ["test/e2e/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One sandbox, one browser per file; files run one after another on 2 cores.
    fileParallelism: false,
  },
});
