import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { describePeaks, mergePeaks, watchPeakMemory } from "../scripts/bench/memory.ts";

/** A node process whose child holds `mb` megabytes (written, so they are resident), as Pagefind's service is the build's. */
function parentOfHungryChild(mb: number) {
  const grandchild = `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); setTimeout(() => b.length, 1500);`;
  const parent = `require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(grandchild)}], { stdio: "inherit" }).on("exit", () => {});`;
  return spawn(process.execPath, ["-e", parent], { stdio: "inherit" });
}

describe("the benchmark's memory sampler", () => {
  it("reads the peak of every process below the one it watches, by program name", async () => {
    const parent = parentOfHungryChild(300);
    const stop = watchPeakMemory(parent.pid!, 50);
    await new Promise((resolve) => parent.on("exit", resolve));
    const peaks = stop();
    expect(peaks.get("node")).toBeGreaterThanOrEqual(300);
    expect(peaks.get("node")).toBeLessThan(600);
  });

  it("sees nothing of processes outside the one it watches", async () => {
    const elsewhere = parentOfHungryChild(300);
    const watched = spawn(process.execPath, ["-e", "setTimeout(() => {}, 1500)"]);
    const stop = watchPeakMemory(watched.pid!, 50);
    await Promise.all([new Promise((resolve) => watched.on("exit", resolve)), new Promise((resolve) => elsewhere.on("exit", resolve))]);
    expect(stop().get("node")).toBeLessThan(200);
  });

  it("keeps each program's highest peak over several runs and names the largest first", () => {
    const merged = mergePeaks([
      new Map([["node", 900], ["pagefind_extended", 1200]]),
      new Map([["node", 950], ["pagefind_extended", 1573]]),
    ]);
    expect(describePeaks(merged)).toBe("pagefind_extended 1573 MB, node 950 MB");
  });
});
