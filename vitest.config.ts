import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Whole-site builds run as real commands in child processes.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"] } },
      // Real headless Chromium against the built site, served on 127.0.0.1: built once for all browser tests.
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"], globalSetup: ["test/browser/global-setup.ts"] } },
    ],
  },
});
