// npm run validate:code-json -- <file or web address>: checks one agency's code.json against the code.gov
// schema 2.0.0 and for what a reader would trip on, so a code coordinator can check theirs before sending it.
import { fieldsOf, listOf } from "../src/model/catalog/read.ts";
import { checkInventory } from "../src/model/catalog/validate.ts";
import { sizeLimits } from "../src/model/files.ts";
import { readSource } from "../src/model/read-source.ts";
import { printable } from "../src/problems/problems.ts";
import { report } from "../src/problems/report.ts";
import { exitWhenWritten } from "./exit.ts";

const source = process.argv[2];
if (!source) {
  console.error("Name the inventory to check: npm run validate:code-json -- code.json (or a web address)");
  process.exit(2);
}

// The inventory's bytes, as they are: checkInventory reads their encoding (a server may say none, or the wrong one).
const read = await readSource(source, sizeLimits.inventory);
if (read.failure !== undefined) {
  console.error(`error: ${read.failure} — check the file's name or the address, and try again`);
  await exitWhenWritten(2);
}
const checked = checkInventory(source, read.bytes!);
const code = report(checked.problems);
const releases = listOf(fieldsOf(checked.inventory).releases).length;
if (code === 0) console.log(`${printable(source)}: ${releases} releases, valid against the code.gov schema 2.0.0.`);
await exitWhenWritten(code);
