// npm run validate:code-json -- <file or web address>: checks one agency's code.json against the code.gov
// schema 2.0.0 and for what a reader would trip on, so a code coordinator can check theirs before sending it.
import { readFileSync } from "node:fs";
import { checkInventory } from "../src/catalog/validate.ts";
import { report } from "../src/problems/report.ts";
import { exitWhenWritten } from "./exit.ts";

const source = process.argv[2];
if (!source) {
  console.error("Name the inventory to check: npm run validate:code-json -- code.json (or a web address)");
  process.exit(2);
}
let text: string;
try {
  text = /^https?:\/\//.test(source) ? await (await fetch(source, { signal: AbortSignal.timeout(30_000) })).text() : readFileSync(source, "utf8");
} catch (error) {
  console.error(`${source} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const checked = checkInventory(source, text);
const code = report(checked.problems);
const releases = checked.inventory?.releases?.length ?? 0;
if (code === 0) console.log(`${source}: ${releases} releases, valid against the code.gov schema 2.0.0.`);
await exitWhenWritten(code);
