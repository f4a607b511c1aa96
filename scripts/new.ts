// npm run new -- "Page title" [--content DIR]: writes a new page with valid front matter, ready to edit.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkText } from "../src/checks/encoding.ts";
import { generatedFolders } from "../src/model/addresses.ts";
import { windowsDevice } from "../src/model/files.ts";
import { parsePage } from "../src/model/frontmatter.ts";
import { today } from "../src/model/review.ts";
import { loadSite } from "../src/model/site.ts";
import { slugify } from "../src/model/slug.ts";
import { cutAddressPart, maxAddressPart } from "../src/schema/patterns.ts";
import { wordsOf } from "../src/problems/file-error.ts";
import { printable } from "../src/problems/problems.ts";
import { placeholderDescription } from "../src/schema/page.ts";
import { contentFolder, parseCommand, typedInFolder } from "./args.ts";
import { consolePrinter, endOnFileError } from "./exit.ts";

const usage = `npm run new -- "Page title" [--content DIR]: writes content/page-title.md with its front matter filled in.`;
const { values, positionals } = parseCommand({ options: { content: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true }, usage);
const title = positionals.join(" ").trim();
if (!title) {
  console.error('Give the page a title: npm run new -- "Page title"');
  process.exit(1);
}
const contentDir = contentFolder(values.content, usage);
// A file name holds a part of an address: at most 200 characters, less ".md", cut between words.
const words = slugify(title);
const cut = cutAddressPart(words, maxAddressPart - ".md".length);
const slug = cut.length < words.length && words[cut.length] !== "-" && cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
if (!slug) {
  console.error(`The title "${printable(title)}" has no letter from a to z, nor a digit, to name the page's file after (an address is written in a-z, 0-9 and hyphens): give it a title with such words, such as npm run new -- "Office hours"; the title can be changed in the file afterwards`);
  process.exit(1);
}
if (windowsDevice.test(slug)) {
  console.error(`${slug}.md is a name Windows keeps for a device, which no Windows computer can hold: choose another title, such as "${printable(title)} guide".`);
  process.exit(1);
}
let site: ReturnType<typeof loadSite>;
try {
  site = loadSite({ contentDir });
} catch (error) {
  process.exit(endOnFileError(consolePrinter)(error));
}
const url = `/${slug}/`;
const taken = site.generatedUrls.includes(url) || generatedFolders.some((folder) => url.startsWith(folder)) || site.languages.some((language) => !language.isDefault && language.tag.toLowerCase() === slug);
if (taken) {
  console.error(`${url} is an address the site uses itself: choose another title, such as "${printable(title)} guide".`);
  process.exit(1);
}
const samePage = site.pages.find((page) => page.url === url);
if (samePage) {
  console.error(`${printable(path.relative(typedInFolder(), samePage.file))} is already published at ${url}: choose another title, or edit that page.`);
  process.exit(1);
}
// An old address sends readers on to the page that moved from it (in any capitals, as hosts may match them).
const moved = site.redirects.find((redirect) => redirect.from.toLowerCase() === url);
if (moved) {
  const movedPage = site.pages.find((page) => page.url === moved.to);
  const named = movedPage ? printable(path.relative(typedInFolder(), movedPage.file)) : moved.to;
  console.error(`${url} is an old address of ${named} (in its redirect_from), which sends readers there: choose another title, or take ${printable(moved.from)} out of that page's redirect_from first.`);
  process.exit(1);
}
const file = path.join(contentDir, `${slug}.md`);
const shownFile = printable(path.relative(typedInFolder(), file));
if (existsSync(file)) {
  console.error(`${shownFile} already exists: choose another title, or edit that page.`);
  process.exit(1);
}
const page = `---
title: ${JSON.stringify(title)}
description: ${placeholderDescription}
owner: Code California Working Group
last_reviewed: ${today()}
review_every: 6 months
---

Start with what a reader most needs to know. Keep sentences short.

## A first section

Write each section under a heading that says what it is about.
`;
// A title check would refuse (too long, a character nobody can see) is refused now, in check's own words.
const refused = title.includes("\uFFFD")
  ? { message: "the title has a character that did not arrive as UTF-8 text (shown as \uFFFD)", fix: "type the title again, or write it in the file afterwards" }
  : [...parsePage(file, page).problems, ...checkText(file, page.split("\n"))].find((p) => p.severity === "error");
if (refused) {
  console.error(`error: ${printable(`the title cannot be used as it is: ${refused.message} — ${refused.fix}`)}`);
  process.exit(1);
}
try {
  writeFileSync(file, page, { flag: "wx" });
} catch (error) {
  console.error(`${shownFile} could not be written (${wordsOf(error, process.cwd())}): check that the content folder can be written to, then run npm run new again`);
  process.exit(1);
}
console.log(`Created ${shownFile}: it will be published at ${url}.`);
console.log("Replace the description and the text, then run npm run check to see whether anything needs fixing.");
