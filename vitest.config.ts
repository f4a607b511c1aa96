import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Whole-site builds run as real commands in child processes.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
