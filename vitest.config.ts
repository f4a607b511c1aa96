import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Whole-site builds run as real commands in child processes.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // At least two files at once, even on two cores: much of a test's time is a child process or a browser at work.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Says where the run's shared sites are built (each once, when first needed), and builds the browser tests' two.
    globalSetup: ["test/global-setup.ts"],
    projects: [
      // Unit test files share their worker processes: each loading the site's modules afresh was half their time.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"], isolate: false, setupFiles: ["test/same-folder.ts"] } },
      // Real headless Chromium against the built sites, served on 127.0.0.1.
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"] } },
    ],
  },
});
