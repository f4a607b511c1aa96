// npm run new -- "Page title" [--content DIR]: writes a new page with valid front matter, ready to edit.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { today } from "../src/model/review.ts";
import { loadSite } from "../src/model/site.ts";
import { slugify } from "../src/model/slug.ts";
import { placeholderDescription } from "../src/schema/page.ts";
import { contentFolder, parseCommand } from "./args.ts";

const usage = `npm run new -- "Page title" [--content DIR]: writes content/page-title.md with its front matter filled in.`;
const { values, positionals } = parseCommand({ options: { content: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true }, usage);
const title = positionals.join(" ").trim();
if (!title) {
  console.error('Give the page a title: npm run new -- "Page title"');
  process.exit(1);
}
const contentDir = contentFolder(values.content, usage);
const slug = slugify(title);
if (!slug) {
  console.error(`The title "${title}" has no letter or digit to name the page's file after: give the page a title in words, such as npm run new -- "Office hours"`);
  process.exit(1);
}
if (loadSite({ contentDir }).generatedUrls.includes(`/${slug}/`)) {
  console.error(`/${slug}/ is a page the site makes itself: choose another title, such as "${title} guide".`);
  process.exit(1);
}
const file = path.join(contentDir, `${slug}.md`);
if (existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} already exists: choose another title, or edit that page.`);
  process.exit(1);
}
const quoted = JSON.stringify(title);
writeFileSync(
  file,
  `---
title: ${quoted}
description: ${placeholderDescription}
owner: Code California Working Group
last_reviewed: ${today()}
review_every: 6 months
---

Start with what a reader most needs to know. Keep sentences short.

## A first section

Write each section under a heading that says what it is about.
`,
);
console.log(`Created ${path.relative(process.cwd(), file)}: it will be published at /${slug}/.`);
console.log("Replace the description and the text, then run npm run check to see whether anything needs fixing.");
