import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { frontMatterReference, withReference } from "../src/schema/reference.ts";
import { pageSchema } from "../src/schema/page.ts";
import { ThrowawayRepo } from "./git-repo.ts";
import { buildInto, fixtures, problemLines, readPage, root, checkInProcess, runInProcess, runScript, tempDir, text } from "./helpers.ts";

const secondSite = path.join(fixtures, "sites", "second-site");

describe("the contributor guide", () => {
  it("carries the front matter reference generated from the page schema", () => {
    const guide = readFileSync(path.join(root, "CONTRIBUTING.md"), "utf8");
    expect(withReference(guide), "run npm run reference to update CONTRIBUTING.md").toBe(guide);
    for (const field of Object.keys(pageSchema.shape)) expect(frontMatterReference()).toContain(`| \`${field}\` |`);
    expect(frontMatterReference()).toContain("| `title` | text | yes |  | The page's name");
    expect(frontMatterReference()).toContain("| `draft` | true or false | no | `false` |");
  });
});

describe("npm run new", () => {
  it("scaffolds a page that passes the checks, with one warning until its description is written", async () => {
    const parent = tempDir();
    const content = path.join(parent, "site");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    const created = await runScript("new", ["Open data guide", "--content", content]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("it will be published at /open-data-guide/");
    const page = readFileSync(path.join(content, "open-data-guide.md"), "utf8");
    expect(page).toMatch(/^---\ntitle: "Open data guide"\n/);
    const check = await checkInProcess(["--content", content]);
    expect(problemLines(check.stderr).filter((l) => !l.includes(" note: "))).toEqual([
      `${path.join(content, "open-data-guide.md")}:3 warning: the description is still the one npm run new wrote — say in one or two sentences what this page is for`,
    ]);
    expect(check.code).toBe(0);
    expect((await runScript("new", ["Open data guide", "--content", content])).code).toBe(1);
  });

  it("refuses a title with no word in it, an address the site uses itself, and a name Windows keeps, writing nothing", async () => {
    const content = path.join(tempDir(), "site");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    writeFileSync(path.join(content, "_data", "settings.yaml"), `${readFileSync(path.join(content, "_data", "settings.yaml"), "utf8")}languages:\n  en: English\n  es: Español\n`);
    const before = readdirSync(content).sort();
    const noWord = (title: string) =>
      `The title "${title}" has no letter from a to z, nor a digit, to name the page's file after (an address is written in a-z, 0-9 and hyphens): give it a title with such words, such as npm run new -- "Office hours"; the title can be changed in the file afterwards\n`;
    for (const title of ["???", "办公时间"]) expect(await runScript("new", [title, "--content", content])).toMatchObject({ code: 1, stderr: noWord(title) });
    for (const [title, url] of [["Search", "/search/"], ["Pagefind", "/pagefind/"], ["ES", "/es/"]] as const) {
      expect(await runScript("new", [title, "--content", content])).toMatchObject({ code: 1, stderr: `${url} is an address the site uses itself: choose another title, such as "${title} guide".\n` });
    }
    expect(await runScript("new", ["Con", "--content", content])).toMatchObject({ code: 1, stderr: 'con.md is a name Windows keeps for a device, which no Windows computer can hold: choose another title, such as "Con guide".\n' });
    expect(readdirSync(content).sort()).toEqual(before);
  });

  it("refuses a title whose page is published already, from a file of another name or as an old address, and takes the default language's tag as any word", async () => {
    const content = path.join(tempDir(), "site");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    mkdirSync(path.join(content, "office-hours"));
    writeFileSync(path.join(content, "office-hours", "index.md"), "---\ntitle: Office hours\ndescription: When we are in.\n---\n\nText.\n");
    expect(await runScript("new", ["Office hours", "--content", content])).toMatchObject({ code: 1, stderr: `${path.relative(root, path.join(content, "office-hours", "index.md"))} is already published at /office-hours/: choose another title, or edit that page.\n` });
    expect(await runScript("new", ["EN", "--content", content])).toMatchObject({ code: 0, stdout: expect.stringContaining("it will be published at /en/") });
    writeFileSync(path.join(content, "visit.md"), "---\ntitle: Visit\ndescription: Where we are.\nredirect_from: [/Visit-Us/]\n---\n\nText.\n");
    expect(await runScript("new", ["Visit us", "--content", content])).toMatchObject({ code: 1, stderr: `/visit-us/ is an old address of ${path.relative(root, path.join(content, "visit.md"))} (in its redirect_from), which sends readers there: choose another title, or take /Visit-Us/ out of that page's redirect_from first.\n` });
    // The other file's name is the editor's to choose: it is named on one line, and cannot drive the terminal.
    writeFileSync(path.join(content, "notes\n\u001b[2J.md"), "---\ntitle: Notes\ndescription: Notes.\npermalink: /meeting-notes/\n---\n\nText.\n");
    expect(await runScript("new", ["Meeting notes", "--content", content])).toMatchObject({ code: 1, stderr: `${path.relative(root, content)}/notes\\n\\u001b[2J.md is already published at /meeting-notes/: choose another title, or edit that page.\n` });
  });

  it("names the page after a title as long as a title may be, cut to what a file name may hold", async () => {
    const content = path.join(tempDir(), "site");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    const created = await runScript("new", ["word ".repeat(40).trim(), "--content", content]);
    expect(created).toMatchObject({ code: 0, stderr: "" });
    const file = readdirSync(content).find((name) => name.startsWith("word-"))!;
    expect(file).toMatch(/^(word-)+word\.md$/);
    expect(file.length).toBeLessThanOrEqual(200);
  });

  it("refuses a title check would refuse, in check's words, writing nothing", async () => {
    const content = path.join(tempDir(), "site");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    const before = readdirSync(content).sort();
    expect(await runScript("new", ["word ".repeat(60).trim(), "--content", content])).toMatchObject({
      code: 1,
      stderr: 'error: the title cannot be used as it is: "title" is 299 characters long, more than the 200 it may have — shorten it to at most 200 characters\n',
    });
    expect(await runScript("new", ["Office\u200Bhours", "--content", content])).toMatchObject({
      code: 1,
      stderr: "error: the title cannot be used as it is: there is a zero-width space (U+200B) here, which nobody can see — delete it: put the cursor just after it and press Backspace, or retype the word\n",
    });
    expect(readdirSync(content).sort()).toEqual(before);
  });
});

describe("reviews, redirects and dates, in a real git repository", () => {
  // One build a day: the tests that read the same day's site share it.
  const builds = new Map<string, ReturnType<typeof build>>();
  const build = async (day: string) => {
    const repo = ThrowawayRepo.from(secondSite, path.join(tempDir(), "site"));
    repo.commit("2025-01-15T17:00:00Z");
    const result = await runInProcess("build", ["--content", repo.dir, "--output", path.join(repo.dir, "..", "out")], { SITE_TODAY: day });
    return { ...result, repo, output: path.join(repo.dir, "..", "out") };
  };
  const buildOn = (day: string) => {
    if (!builds.has(day)) builds.set(day, build(day));
    return builds.get(day)!;
  };

  it("shows who reviewed a page and when the next review is due, with no notice before the due date", async () => {
    for (const day of ["2025-07-14", "2025-07-15"]) {
      const { code, output } = await buildOn(day);
      expect(code).toBe(0);
      const page = readPage(output, "/reviewed/");
      expect(text(page.querySelector(".page-meta"))).toContain("Last reviewed on January 15, 2025 by Transit team. Next review due July 15, 2025.");
      expect(page.querySelector(".review-notice")).toBeNull();
    }
  });

  it("shows a notice on a page past its review date, warns in check, and fails check --strict", async () => {
    const { output, repo } = await buildOn("2025-07-16");
    expect(text(readPage(output, "/reviewed/").querySelector(".review-notice"))).toBe("This page may be out of date. It was due to be reviewed on July 15, 2025 by Transit team.");
    const overdue = `${repo.dir}/reviewed.md:5 warning: this page was due for review on 2025-07-15 by Transit team (last reviewed 2025-01-15, every 6 months) — check that the page is still right, then set last_reviewed to today's date`;
    const check = await checkInProcess(["--content", repo.dir], { SITE_TODAY: "2025-07-16" });
    expect(problemLines(check.stderr)).toContain(overdue);
    expect(check.code).toBe(0);
    const strict = await checkInProcess(["--content", repo.dir, "--strict"], { SITE_TODAY: "2025-07-16" });
    expect(problemLines(strict.stderr)).toContain(overdue.replace(" warning: ", " error: "));
    expect(strict.code).toBe(1);
  });

  it("writes reviews.json with every page, its owner and its dates", async () => {
    const { output } = await buildOn("2025-07-16");
    const reviews = JSON.parse(readFileSync(path.join(output, "reviews.json"), "utf8"));
    expect(reviews.generated).toBe("2025-07-16");
    expect(reviews.pages.map((p: { url: string }) => p.url)).toEqual([
      "https://civic.example.org/",
      "https://civic.example.org/contact/",
      "https://civic.example.org/projects/",
      "https://civic.example.org/reviewed/",
    ]);
    expect(reviews.pages[3]).toEqual({
      url: "https://civic.example.org/reviewed/",
      title: "Bus times",
      owner: "Transit team",
      last_reviewed: "2025-01-15",
      review_every: "6 months",
      next_review: "2025-07-15",
      overdue: true,
    });
  });

  it("keeps old addresses working: a page at each that sends readers on, and a _redirects file", async () => {
    const { output } = await buildOn("2025-07-16");
    const moved = readPage(output, "/work/");
    expect(moved.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe("0; url=/projects/");
    expect(moved.querySelector("main a")?.getAttribute("href")).toBe("/projects/");
    expect(text(moved.querySelector("main a"))).toBe("Projects");
    expect(readPage(output, "/projects.html").querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://civic.example.org/projects/");
    // An old address in Spanish is written in its own letters, which a host finds from the escaped address asked for.
    expect(readPage(output, "/proyectos/año-2024/").querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe("0; url=/projects/");
    expect(readFileSync(path.join(output, "_redirects"), "utf8").trim().split("\n")).toEqual(["/start/ / 301", "/work/ /projects/ 301", "/projects.html /projects/ 301", "/proyectos/a%C3%B1o-2024/ /projects/ 301"]);
    expect(readFileSync(path.join(output, "sitemap.xml"), "utf8")).not.toContain("/work/");
  });

  it("links 'Report a problem' to a new issue carrying the page's title and address", async () => {
    const { output } = await buildOn("2025-07-16");
    const link = readPage(output, "/projects/").querySelectorAll("a").find((a) => text(a) === "Report a problem with this page");
    const url = new URL(link!.getAttribute("href")!);
    expect(url.pathname).toBe("/example/civic-code/issues/new");
    expect(url.searchParams.get("title")).toBe("Problem with the page “Projects”");
    expect(url.searchParams.get("body")).toContain("Page: https://civic.example.org/projects/");
  });

  it("check --since fails on an address that vanished without a redirect, and passes redirected ones", async () => {
    const repo = ThrowawayRepo.from(secondSite, path.join(tempDir(), "site"));
    const old = path.join(repo.dir, "..", "old-sitemap.xml");
    writeFileSync(old, ["<urlset>", "<url><loc>https://civic.example.org/work/</loc></url>", "<url><loc>https://civic.example.org/projects/</loc></url>", "<url><loc>https://civic.example.org/gone/</loc></url>", "<url><loc>https://civic.example.org/proyectos/a%C3%B1o-2024/</loc></url>", "<url><loc>https://civic.example.org/proyectos/a%C3%B1o-2023/</loc></url>", "</urlset>"].join("\n"));
    const check = await checkInProcess(["--content", repo.dir, "--since", old]);
    expect(problemLines(check.stderr).filter((l) => l.includes(" error: "))).toEqual([
      `${old}:4 error: the address /gone/ was published before and is gone now — add it to the redirect_from of the page that replaces it, so links to it keep working`,
      `${old}:6 error: the address /proyectos/año-2023/ was published before and is gone now — add it to the redirect_from of the page that replaces it, so links to it keep working`,
    ]);
    expect(check.code).toBe(1);
    writeFileSync(old, "/work/\n/projects/\n/start/\n");
    expect((await checkInProcess(["--content", repo.dir, "--since", old])).code).toBe(0);
  });

  it("in a shallow clone, warns and shows no last-updated date rather than a wrong one", async () => {
    const origin = ThrowawayRepo.from(secondSite, path.join(tempDir(), "origin"));
    origin.commit("2024-03-05T12:00:00Z");
    origin.commit("2025-07-14T18:30:00Z", { "projects.md": readFileSync(path.join(origin.dir, "projects.md"), "utf8") + "\nMore.\n" });
    const clone = path.join(tempDir(), "clone");
    origin.git(["clone", "-q", "--depth", "1", `file://${origin.dir}`, clone]);
    const build = await buildInto(clone);
    expect(build.code).toBe(0);
    expect(problemLines(build.stderr)).toContain(
      `${clone}:1 warning: this is a shallow git clone, where every page would seem last updated on the same day, so pages show no last-updated date — clone the full history (git fetch --unshallow; fetch-depth: 0 in GitHub Actions)`,
    );
    expect(readPage(build.output, "/").querySelector(".page-meta time")).toBeNull();
  });
});

describe("the GitHub Actions workflows", () => {
  const workflow = (name: string) => parseYaml(readFileSync(path.join(root, ".github", "workflows", name), "utf8"));
  const runs = (steps: { run?: string }[]) => steps.map((s) => s.run).filter(Boolean);
  const uses = (steps: { uses?: string }[]) => steps.map((s) => s.uses?.split("@")[0]).filter(Boolean);

  it("check every pull request: install, check with annotations, test, build, and keep the built site", () => {
    const pr = workflow("pull-request.yml");
    expect(Object.keys(pr.on)).toEqual(["pull_request"]);
    const steps = pr.jobs.check.steps;
    expect(runs(steps)).toEqual(["npm ci", "npm run check", "npm test", "npm run build"]);
    expect(steps[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(uses(steps)).toContain("actions/upload-artifact");
  });

  it("publish main to GitHub Pages at the path Pages gives it (none under a custom domain), with the full history", () => {
    const deploy = workflow("deploy.yml");
    expect(deploy.on.push.branches).toEqual(["main"]);
    const steps = deploy.jobs.build.steps;
    expect(steps[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    const pages = steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/configure-pages@"));
    expect(steps.find((s: { run?: string }) => s.run === "npm run build").env.PATH_PREFIX).toBe(`\${{ steps.${pages.id}.outputs.base_path }}/`);
    expect(steps.indexOf(pages)).toBeLessThan(steps.findIndex((s: { run?: string }) => s.run === "npm run build"));
    expect(uses(steps)).toContain("actions/upload-pages-artifact");
    expect(uses(deploy.jobs.deploy.steps)).toEqual(["actions/deploy-pages"]);
    expect(deploy.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });
});
