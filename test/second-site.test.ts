import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ThrowawayRepo } from "./git-repo.ts";
import { buildInto, fixtures, problemLines, readPage, tempDir, text } from "./helpers.ts";

let site: string;

beforeAll(async () => {
  // A second community's content folder, with its own git history.
  const repo = ThrowawayRepo.from(path.join(fixtures, "sites", "second-site"), path.join(tempDir(), "site"));
  repo.commit("2024-03-05T12:00:00Z");
  repo.commit("2025-07-14T18:30:00Z", { "projects.md": readFileSync(path.join(repo.dir, "projects.md"), "utf8") + "\nNow with train times.\n" });
  const build = await buildInto(repo.dir);
  expect(problemLines(build.stderr)).toContain(
    `${repo.dir}/draft.md:4 note: this page is a draft: it is left out of the site, its menus, sitemap and search — remove draft: true when it is ready to publish`,
  );
  expect(problemLines(build.stderr).filter((line) => line.includes(" error: "))).toEqual([]);
  expect(build.code).toBe(0);
  site = build.output;
});

describe("another community's site, from its own content folder", () => {
  it("uses that community's name, menus and settings", () => {
    const home = readPage(site, "/");
    expect(text(home.querySelector("title"))).toBe("Riverside Civic Code");
    expect(home.querySelectorAll("header nav a").map(text)).toEqual(["Home", "Projects"]);
    expect(text(home.querySelector(".copyright"))).toContain("Riverside Civic Code");
    expect(text(home.querySelector("main"))).not.toContain("Code California");
  });

  it("dates each page by its own last commit", () => {
    expect(readPage(site, "/").querySelector(".page-meta time")?.getAttribute("datetime")).toBe("2024-03-05");
    expect(text(readPage(site, "/projects/").querySelector(".page-meta time"))).toBe("July 14, 2025");
  });

  it("points edit links at its own repository, branch and folder", () => {
    const edit = readPage(site, "/projects/").querySelectorAll("a").find((a) => text(a) === "Edit this page");
    expect(edit?.getAttribute("href")).toBe("https://github.com/example/civic-code/edit/trunk/site/projects.md");
  });

  it("lists its ordered pages on its home page and its public pages in its sitemap", () => {
    expect(readPage(site, "/").querySelectorAll(".page-list a").map((a) => a.getAttribute("href"))).toEqual(["/projects/"]);
    const sitemap = readFileSync(path.join(site, "sitemap.xml"), "utf8");
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      "https://civic.example.org/",
      "https://civic.example.org/contact/",
      "https://civic.example.org/projects/",
      "https://civic.example.org/reviewed/",
    ]);
  });

  it("shows its contact settings where the page asks for them", () => {
    const link = readPage(site, "/contact/").querySelector("main a[href='https://github.com/example/civic-code/issues']");
    expect(text(link)).toBe("Open an issue");
  });
});
