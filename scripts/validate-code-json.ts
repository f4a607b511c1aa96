// npm run validate:code-json -- <file or web address> [more]: checks agencies' code.json against the code.gov
// schema 2.0.0 and for what a reader would trip on, so a code coordinator can check theirs before sending it.
import { fieldsOf, listOf } from "../src/model/catalog/read.ts";
import { checkInventory } from "../src/model/catalog/validate.ts";
import { sizeLimits } from "../src/model/files.ts";
import { isWebAddress, readSource } from "../src/model/read-source.ts";
import { hasErrors, printable, type Problem } from "../src/problems/problems.ts";
import { report } from "../src/problems/report.ts";
import { givenPath, parseCommand, stop } from "./args.ts";
import { exitWhenWritten } from "./exit.ts";

const usage = `Usage: npm run validate:code-json -- code.json [other.json …]
  Checks each inventory named, a file or a web address (https://…/code.json), against the code.gov schema 2.0.0.
  --help  print this`;

const { positionals } = parseCommand({ options: { help: { type: "boolean", short: "h" } }, allowPositionals: true }, usage);
if (positionals.length === 0) stop("name the inventory to check, a file or a web address", usage);

const problems: Problem[] = [];
const valid: string[] = [];
let unread = false;
for (const given of positionals) {
  // The inventory's bytes, as they are: checkInventory reads their encoding (a server may say none, or the wrong one).
  const source = givenPath(given);
  const read = await readSource(source, sizeLimits.inventory);
  if (read.failure !== undefined) {
    console.error(`error: ${read.failure} — ${read.fix}`);
    unread = true;
    continue;
  }
  // An address may lead to the page that shows the file (GitHub's), or to a sign-in page, rather than to the file.
  if (isWebAddress(source) && /^\s*</.test(new TextDecoder().decode(read.bytes.subarray(0, 1024)).replace(/^\uFEFF/, ""))) {
    console.error(`error: ${printable(given)} answers with a web page, not the inventory itself — give the address of the file: on GitHub, open the file and copy the address of its Raw button`);
    unread = true;
    continue;
  }
  const checked = checkInventory(source, read.bytes);
  problems.push(...checked.problems);
  if (!hasErrors(checked.problems)) valid.push(`${printable(given)}: ${listOf(fieldsOf(checked.inventory).releases).length} releases, valid against the code.gov schema 2.0.0.`);
}
const code = report(problems);
for (const line of valid) console.log(line);
await exitWhenWritten(unread ? 2 : code);
