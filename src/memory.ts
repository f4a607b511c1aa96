import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Runs a full garbage collection now. Once the site is rendered, what the checks held (every page's work) is
 * garbage, but V8 collects lazily and keeps the memory while Pagefind's processes, which need the most, index
 * the site beside this one. The collector is reached the way Jest's leak detector reaches it,
 * without a command-line flag.
 */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
