import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Whole-site builds run as real commands in child processes.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The sites the tests read are built once a run, for both projects.
    globalSetup: ["test/global-setup.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"] } },
      // Real headless Chromium against the built sites, served on 127.0.0.1.
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"] } },
    ],
  },
});
