import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isSafeAddress } from "../src/model/addresses.ts";
import { loadSite } from "../src/model/site.ts";
import { siteEleventy } from "../src/render/eleventy.ts";
import { prepareSite } from "../src/prepare.ts";
import { formatProblem } from "../src/problems/problems.ts";
import { checkedProblems, fixtures, root, tempDir } from "./helpers.ts";

/** The checks' base site with every kind of hostile file on top, and links out of the folder. */
function hostileSite(): { content: string; parent: string } {
  const parent = tempDir();
  const content = path.join(parent, "content");
  cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
  cpSync(path.join(fixtures, "hostile", "site"), content, { recursive: true });
  writeFileSync(path.join(parent, "secret.txt"), "a file outside the content folder");
  mkdirSync(path.join(parent, "elsewhere"));
  writeFileSync(path.join(parent, "elsewhere", "page.md"), "---\ntitle: Elsewhere\ndescription: A page from outside.\n---\n\nOutside.\n");
  symlinkSync(path.join(parent, "secret.txt"), path.join(content, "images", "passwd.png"));
  symlinkSync(path.join(parent, "elsewhere"), path.join(content, "linked"));
  return { content, parent };
}

let site: { content: string; parent: string };
let messages: string[];
beforeAll(() => {
  site = hostileSite();
  process.chdir(site.content);
  messages = prepareSite({ contentDir: site.content }, { strict: false }).problems.map(formatProblem);
});

describe("the site model", () => {
  it("refuses code and templates in the content folder, by file", () => {
    expect(messages).toContain("contact.11tydata.js:1 error: contact.11tydata.js is code or a template, and the content folder holds no code — write the page in Markdown (a .md file), or remove this file");
    expect(messages).toContain("docs/page.njk:1 error: docs/page.njk is code or a template, and the content folder holds no code — write the page in Markdown (a .md file), or remove this file");
    expect(messages).toContain(
      "contact.11tydata.json:1 error: contact.11tydata.json is not a page, and only pages (.md files) and files in images/ are published — move it to content/images/ if it is an image, or remove it",
    );
  });

  it("reads data only from the YAML files the schemas describe", () => {
    expect(messages).toContain("_data/navigation.json:1 error: _data/navigation.json is not read: the site reads its data from navigation.yaml, in YAML — move what it says into _data/navigation.yaml, then remove navigation.json");
    expect(messages.find((m) => m.startsWith("_data/x.cjs:1 error: _data/x.cjs is not a data file the site reads"))).toBeDefined();
  });

  it("names pages it will not publish: in hidden folders, in folders starting with _, and hidden files", () => {
    expect(messages).toContain('_notes:1 warning: _notes is not published: names starting with "_" are kept for the site\'s data folder (_data) — rename it without the underscore if it belongs on the site, or move it out of the content folder');
    expect(messages).toContain('.notes:1 warning: .notes is hidden (its name starts with "."), so it is not published — rename it without the dot if it belongs on the site, or move it out of the content folder');
    expect(messages).toContain('...md:1 warning: ...md is hidden (its name starts with "."), so it is not published — rename it without the dot if it belongs on the site, or move it out of the content folder');
    const model = loadSite({ contentDir: site.content });
    expect(model.pages.map((p) => p.url).sort()).toEqual(["/", "/contact/"]);
  });

  it("follows no symbolic link out of the content folder", () => {
    expect(messages).toContain("images/passwd.png:1 error: images/passwd.png is a symbolic link, and the site publishes only files that are in the repository — replace the link with a copy of the file it points to");
    expect(messages).toContain("linked:1 error: linked is a symbolic link, and the site publishes only files that are in the repository — replace the link with a copy of the file it points to");
  });

  it("publishes only images, judged by name and by content; an SVG that runs script is refused", () => {
    expect(messages).toContain("images/logo.svg:1 error: logo.svg is not safe to publish as an image: it has a <script> element — save the drawing again as a plain SVG (most editors have an option for it), or as a PNG");
    expect(messages).toContain("images/page.html:1 error: page.html is not an image the site publishes (.png, .jpg, .jpeg, .gif, .webp, .avif, .svg) — remove it from content/images/: only images are published there");
    expect(messages).toContain("images/fake.png:1 error: fake.png is named as a PNG image, but its content is not one — save it again as a PNG image");
    const model = loadSite({ contentDir: site.content });
    expect(model.images.map((image) => image.url).sort()).toEqual(["/images/dot.svg", "/images/map.png"]);
  });
});

describe("Eleventy, given the model", () => {
  it("renders only the model's pages and runs nothing it finds in the content folder, even while previewing a site with errors", async () => {
    const output = path.join(site.parent, "preview");
    const prepared = prepareSite({ contentDir: site.content }, { strict: false });
    await siteEleventy(() => prepared, output, { indexSearch: false, preview: true, pathPrefix: "/" }).write();
    expect(existsSync(path.join(site.parent, "RAN-data-cjs"))).toBe(false);
    expect(existsSync(path.join(site.parent, "RAN-11tydata-js"))).toBe(false);
    expect(readdirSync(site.parent).sort()).toEqual(["content", "elsewhere", "preview", "secret.txt"]);
    const written = readdirSync(output, { recursive: true }).map(String).sort();
    expect(written.filter((file) => file.endsWith(".html"))).toEqual(["404.html", "contact/index.html", "index.html", "search/index.html", "site-map/index.html"].filter((file) => written.includes(file)));
    expect(written).not.toContain("linked");
    expect(written.filter((file) => file.startsWith("images/"))).toEqual(["images/dot.svg", "images/map.png"]);
    for (const refused of ["_notes", ".notes", "docs", "escaped.html", "images/passwd.png", "images/logo.svg", "images/page.html", "images/fake.png"]) expect(written).not.toContain(refused);
  });
});

describe("the last guard before an address is written as a file", () => {
  it("lets through letters of any language, and nothing that climbs out of the output folder or hides in it", () => {
    for (const safe of ["/es/año-nuevo/", "/blog/新年快乐.html", "/~user/", "/a.b/", "/-/"]) expect(isSafeAddress(safe), safe).toBe(true);
    for (const unsafe of ["/../x/", "/a/../../x", "/./", "/.hidden/", "/a\\b/", "/a%2f..%2fb/", "//x/", "/a b/", "/a\u0000/", "/\uFF0E\uFF0E/", "/a\uFF0Fb/", "/a\u2215b/"]) {
      expect(isSafeAddress(unsafe), unsafe).toBe(false);
    }
  });
});

/** The problems of the base site with one page's text replaced, as printed. */
function problemsWithPage(name: string, text: string | Buffer): string[] {
  const content = path.join(tempDir(), "content");
  cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
  writeFileSync(path.join(content, name), text);
  process.chdir(content);
  return prepareSite({ contentDir: content }, { strict: false })
    .problems.filter((p) => p.severity === "error")
    .map(formatProblem);
}

describe("inputs that once stopped the build with a stack trace", () => {
  it("a YAML alias bomb in front matter", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)];
    expect(problemsWithPage("bomb.md", `---\ntitle: Bomb\ndescription: A bomb.\n${bomb.join("\n")}\n---\n\nText.\n`)).toEqual([
      "bomb.md:5:8 error: the YAML cannot be read: it repeats a named part (&name, *name) too many times — write the values out instead of repeating them with * and &",
    ]);
  });

  it("a review interval too long to be a date", () => {
    expect(problemsWithPage("late.md", "---\ntitle: Late\ndescription: Late.\nlast_reviewed: 2024-01-01\nreview_every: 99999999 years\n---\n\nText.\n")).toEqual([
      'late.md:5:15 error: "review_every" must be at most 10 years, such as 1 year, but it is the text "99999999 years" — correct the value',
    ]);
  });

  it("a data block for a role that does not exist", () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(fixtures, "sites", "second-site"), content, { recursive: true });
    writeFileSync(path.join(content, "roles-page.md"), "---\ntitle: Roles\ndescription: Roles.\n---\n\n{{ duties: no-such-role }}\n");
    process.chdir(content);
    const errors = prepareSite({ contentDir: content }, { strict: false }).problems.filter((p) => p.severity === "error").map(formatProblem);
    expect(errors.filter((line) => line.startsWith("roles-page.md"))).toHaveLength(1);
    expect(errors.find((line) => line.startsWith("roles-page.md:6 error: "))).toBeDefined();
  });

  it("a role misspelled in a data block, with the role meant", async () => {
    const problems = await checkedProblems({ "roles-page.md": "---\ntitle: Roles\ndescription: Roles.\n---\n\n{{ duties: product-ownr }}\n" }, path.join(root, "content"));
    expect(problems.filter((line) => line.startsWith("roles-page.md"))).toEqual(['roles-page.md:6 error: there is no role "product-ownr" in roles.yaml: did you mean "product-owner"? — correct the line, or remove it']);
  });

  it("a name after a colon for a data block that takes none", async () => {
    const problems = await checkedProblems({ "agencies-page.md": "---\ntitle: Agencies\ndescription: Agencies.\n---\n\n{{ agencies: state }}\n" }, path.join(root, "content"));
    expect(problems.filter((line) => line.startsWith("agencies-page.md"))).toEqual(['agencies-page.md:6 error: {{ agencies }} takes nothing after a colon, so "state" would be left out — write {{ agencies }}']);
  });

  it("a role named like what every object has, which roles.yaml does not list", async () => {
    const problems = await checkedProblems({ "roles-page.md": "---\ntitle: Roles\ndescription: Roles.\n---\n\n{{ duties: constructor }}\n\n{{ duties: __proto__ }}\n\n{{ duties: }}\n\n{{ duties: product-owner: extra }}\n" }, path.join(root, "content"));
    expect(problems.filter((line) => line.startsWith("roles-page.md"))).toEqual([
      'roles-page.md:6 error: there is no role "constructor" in roles.yaml; roles: working-group, product-owner, code-coordinator — correct the line, or remove it',
      'roles-page.md:8:1 error: "{{ duties: __proto__ }}" is shown on the page as it is written, not as a data block: "__proto__" is not a name a data block takes — write the name as its data file has it, in small letters, digits and hyphens, such as {{ duties: a-name }}',
      'roles-page.md:10:1 error: "{{ duties: }}" is shown on the page as it is written, not as a data block: no name follows its colon — write the name as its data file has it, in small letters, digits and hyphens, such as {{ duties: a-name }}',
      'roles-page.md:12:1 error: "{{ duties: product-owner: extra }}" is shown on the page as it is written, not as a data block: "product-owner: extra" is not a name a data block takes — write the name as its data file has it, in small letters, digits and hyphens, such as {{ duties: a-name }}',
    ]);
  });
});

describe("size limits", () => {
  it("a page larger than 1 MB is refused, not read", () => {
    expect(problemsWithPage("huge.md", `---\ntitle: Huge\ndescription: Huge.\n---\n\n${"word ".repeat(220_000)}\n`)).toEqual([
      "huge.md:1 error: this page is 1.05 MB, more than the 1 MB one may be — make it smaller, or split it in two",
    ]);
  });

  it("an image larger than 5 MB is refused", () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    expect(problemsWithPage("images/poster.png", big)).toEqual(["images/poster.png:1 error: this image is 5,242,881 bytes, more than the 5 MB one may be — make it smaller, or split it in two"]);
  });
});

describe("inventories", () => {
  it("reads only the inventories the model accepts: one that is a link is never read, and one not listed is named", () => {
    const parent = tempDir();
    const content = path.join(parent, "content");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    mkdirSync(path.join(content, "code-json"));
    writeFileSync(path.join(parent, "outside.json"), JSON.stringify({ version: "2.0.0", agency: "SECRET", measurementType: { method: "projects" }, releases: [{ name: "secret-project" }] }));
    symlinkSync(path.join(parent, "outside.json"), path.join(content, "code-json", "linked.json"));
    writeFileSync(path.join(content, "code-json", "forgotten.json"), "{}");
    writeFileSync(path.join(content, "_data", "inventories.yaml"), "- file: linked.json\n  name: Linked Agency\n  acronym: LNK\n");
    process.chdir(content);
    const model = loadSite({ contentDir: content });
    expect(model.problems.map(formatProblem)).toEqual([
      "code-json/linked.json:1 error: code-json/linked.json is a symbolic link, and the site publishes only files that are in the repository — replace the link with a copy of the file it points to",
      "code-json/forgotten.json:1 warning: forgotten.json is not listed in _data/inventories.yaml, so it is not published — add it there with its agency's name and acronym, or remove the file",
    ]);
    expect(model.catalog?.releases).toEqual([]);
    expect(JSON.stringify(model.catalog)).not.toContain("secret-project");
  });
});

describe("files the model sorts out before anything reads them", () => {
  it("publishes exactly its images, whatever characters their names hold (a name is never read as a pattern)", async () => {
    const parent = tempDir();
    const content = path.join(parent, "content");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    writeFileSync(path.join(content, "images", "_evil.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    writeFileSync(path.join(content, "images", "[_]evil.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    const prepared = prepareSite({ contentDir: content }, { strict: false });
    const output = path.join(parent, "out");
    await siteEleventy(() => prepared, output, { indexSearch: false, pathPrefix: "/" }).write();
    expect(readdirSync(path.join(output, "images"), { recursive: true }).map(String).sort()).toEqual(["[_]evil.svg", "map.png"]);
  });

  it("a data file that is a folder, and a file name not written in UTF-8, are named, not a crash", () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    mkdirSync(path.join(content, "_data", "agencies.yaml"));
    writeFileSync(Buffer.from(path.join(content, "caf\xe9.md"), "latin1"), "---\ntitle: Cafe\ndescription: A cafe.\n---\n\nText.\n");
    process.chdir(content);
    expect(loadSite({ contentDir: content }).problems.map(formatProblem)).toEqual(["caf\uFFFD.md:1 error: the name of caf\uFFFD.md is not written in UTF-8, so it cannot be read — rename it, typing its name again"]);
  });

  it("100,000 problems in one file are all reported", () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    writeFileSync(path.join(content, "many.md"), `---\ntitle: Many\ndescription: Many.\n---\n\n${"<x></x>".repeat(100_000)}\n`);
    expect(prepareSite({ contentDir: content }, { strict: false }).problems.filter((p) => p.file.endsWith("many.md"))).toHaveLength(100_000);
  });
});

describe("a page under another ending", () => {
  it("is named, with the name it needs", async () => {
    const page = "---\ntitle: Guide\ndescription: A guide.\n---\n\nText.\n";
    expect(await checkedProblems({ "guide.MD": page, "notes.markdown": page })).toEqual([
      'guide.MD:1 error: guide.MD is not published: only names ending in ".md", in small letters, are pages — rename it "guide.md"',
      'notes.markdown:1 error: notes.markdown is not published: only names ending in ".md", in small letters, are pages — rename it "notes.md"',
    ]);
  });
});
