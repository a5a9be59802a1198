import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/temp-folder.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests test the TypeScript sources: bin/digest.js runs them through tsx, not dist/.
    env: { DIGEST_RUN_SOURCES: "1" },
  },
});
