// npm run reference: rewrites CONTRIBUTING.md's front matter reference from the page schema.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatorRoot } from "../src/options.ts";
import { withReference } from "../src/schema/reference.ts";

const file = path.join(generatorRoot, "CONTRIBUTING.md");
writeFileSync(file, withReference(readFileSync(file, "utf8")));
console.log("CONTRIBUTING.md's front matter reference now matches src/schema/page.ts.");
