import { afterAll } from "vitest";

// The unit tests share their processes (vitest's isolate: false): a test file that works in a site's content folder,
// as a command run there would, leaves the next file in the folder the run started in.
const startedIn = process.cwd();
afterAll(() => process.chdir(startedIn));
