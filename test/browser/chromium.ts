import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium", "/usr/bin/google-chrome"];

/** The flags a headless Chromium needs here: no sandbox as root, and no calls home on a closed network. */
export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const isRoot = () => process.getuid?.() === 0;
const hasAptGet = () => existsSync("/usr/bin/apt-get");

/**
 * Debian's Chromium for the browser tests: CHROMIUM_PATH, then the usual places; installed with apt-get
 * when missing and we may; otherwise one line that says how. Browser tests are never skipped silently.
 * Without its recommended packages (a print system, samba, perl and a hundred more, none of which a headless
 * browser uses) the install takes a third of the time; fonts-liberation, the one a page's text needs, is named.
 */
export async function findChromium(log: (line: string) => void = console.log): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, but there is no file there`);
    return configured;
  }
  const found = candidates.find((file) => existsSync(file));
  if (found) return found;
  if (isRoot() && hasAptGet()) {
    log("Chromium is not installed: installing Debian's chromium with apt-get for the browser tests…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    await promisify(execFile)("apt-get", ["update", "-qq"], { env });
    await promisify(execFile)("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-liberation"], { env });
    const installed = candidates.find((file) => existsSync(file));
    if (installed) return installed;
  }
  throw new Error("The browser tests need Chromium: install it with `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.");
}
