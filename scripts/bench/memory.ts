import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The highest peak memory (VmHWM, in MB) of each program below a process, by its name: `node`, `pagefind_extended`. */
export type PeaksByProgram = Map<string, number>;

/** Each process's parent, read from /proc; processes that end while being read are left out. */
function parentsOfAllProcesses(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The program's name, in parentheses, may itself hold spaces or parentheses: the fields follow the last ")".
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return parents;
}

/**
 * Samples, every `intervalMs` until stopped, the peak memory of every process below `root`, by program. GNU
 * time misses a process its parent never waits for, such as Pagefind's service, killed once the index is
 * written; and a single figure cannot say which program reached it.
 */
export function watchPeakMemory(root: number, intervalMs = 100): () => PeaksByProgram {
  const peaks: PeaksByProgram = new Map();
  const sample = () => {
    const parents = parentsOfAllProcesses();
    for (const pid of parents.keys()) {
      let ancestor = pid;
      while (ancestor > 1 && ancestor !== root) ancestor = parents.get(ancestor) ?? 0;
      if (ancestor !== root) continue;
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const highWater = /VmHWM:\s+(\d+)/.exec(status);
        // A process that has exited and not been reaped yet has no memory, nor a command line, left to read.
        if (!highWater) continue;
        // The command's own name: the kernel's, in status, is cut at 15 characters ("pagefind_extend").
        const program = path.basename(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]!);
        const peakMb = Number(highWater[1]) / 1024;
        peaks.set(program, Math.max(peaks.get(program) ?? 0, peakMb));
      } catch {
        // Ended meanwhile; its last sample stands.
      }
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return () => {
    clearInterval(timer);
    sample();
    return peaks;
  };
}

/** The peaks of several runs merged, each program's highest kept. */
export function mergePeaks(all: readonly PeaksByProgram[]): PeaksByProgram {
  const merged: PeaksByProgram = new Map();
  for (const peaks of all) for (const [program, mb] of peaks) merged.set(program, Math.max(merged.get(program) ?? 0, mb));
  return merged;
}

/** "pagefind_extended 1573 MB, node 920 MB": the programs that used the most memory, largest first. */
export function describePeaks(peaks: PeaksByProgram, count = 2): string {
  return [...peaks]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([program, mb]) => `${program} ${mb.toFixed(0)} MB`)
    .join(", ");
}
