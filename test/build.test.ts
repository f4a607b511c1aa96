import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { tsxLoader } from "../src/options.ts";
import { buildInto, indexedPages, problemLines, readPage, root, tempDir, text } from "./helpers.ts";
import { sharedSite } from "./shared-sites.ts";

const contentPages = [
  { url: "/", title: "Code California", file: "index.md" },
  { url: "/about/", title: "About Code California", file: "about.md" },
  { url: "/values/", title: "Our values", file: "values.md" },
  { url: "/community/", title: "Our community", file: "community.md" },
  { url: "/working-group/", title: "Working Group", file: "working-group.md" },
  { url: "/accessibility/", title: "Accessibility", file: "accessibility.md" },
  { url: "/conditions-of-use/", title: "Conditions of use", file: "conditions-of-use.md" },
  { url: "/privacy-policy/", title: "Privacy policy", file: "privacy-policy.md" },
  { url: "/contact-us/", title: "Contact us", file: "contact-us.md" },
];

let site: string;

beforeAll(async () => {
  const build = await sharedSite("site");
  // The agencies' inventories are published with their faults shown: those are warnings for their coordinators.
  expect(problemLines(build.stderr).filter((line) => !line.includes(" note: ") && !line.startsWith("content/code-json/"))).toEqual([]);
  expect(build.code).toBe(0);
  site = build.output;
});

/** Every file of a built site with its bytes, by path. */
const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((file) => [path.relative(dir, file), readFileSync(file).toString("base64")]),
  );

/** Eleventy's own command line, run with the project's config as `npm run eleventy` runs it. */
const eleventyCli = (args: string[]) =>
  new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, ["--import", tsxLoader, path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=.eleventy.ts", ...args], { cwd: root, env: { ...process.env, SITE_TODAY: inject("siteDay") } }, (error, _stdout, stderr) =>
      resolve({ code: error ? 1 : 0, stderr }),
    ),
  );

describe("Eleventy's own command line", () => {
  it("builds the same files as npm run build, and indexes the same pages for search", async () => {
    const output = path.join(tempDir(), "cli");
    expect((await eleventyCli([`--output=${output}`, "--quiet"])).code).toBe(0);
    // Pagefind names its filter files differently on every run; what it indexed is compared instead.
    const outsideIndex = (all: Record<string, string>) => Object.fromEntries(Object.entries(all).filter(([file]) => !file.startsWith("pagefind")));
    expect(outsideIndex(files(output))).toEqual(outsideIndex(files(site)));
    const indexed = (dir: string) => indexedPages(dir).sort((a, b) => a.url.localeCompare(b.url));
    expect(indexed(output)).toEqual(indexed(site));
  });

  it("refuses to serve the site to every computer on the network, or to write into the sources, in plain words", async () => {
    const served = await eleventyCli(["--serve", "--port=0"]);
    expect(served.code).toBe(1);
    expect(served.stderr).toContain("Eleventy's own server shows the site to every computer on the network, and cannot be kept to this one — preview the site with npm start, which serves this computer only");
    const intoContent = await eleventyCli([`--output=${path.join(root, "content", "site")}`]);
    expect(intoContent.code).toBe(1);
    expect(intoContent.stderr).toContain(`the site cannot be written there: ${path.join(root, "content", "site")} is inside the site's sources (the generator or the content folder) — give --output a new folder of its own`);
    expect(intoContent.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(root, "content", "site"))).toBe(false);
  });
});

describe("the Code California site", () => {
  it.each(contentPages)("builds $url with its title as the only h1 and in the tab's title", ({ url, title }) => {
    const page = readPage(site, url);
    expect(page.querySelectorAll("h1").map(text)).toEqual([title]);
    expect(text(page.querySelector("title"))).toBe(url === "/" ? "Code California" : `${title} | Code California`);
    expect(page.querySelector('meta[name="description"]')?.getAttribute("content")).toMatch(/\w/);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`https://code.ca.gov${url}`);
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(title);
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("en");
  });

  it.each(contentPages)("links $url to its own file for editing and says when it was last updated", ({ url, file }) => {
    const page = readPage(site, url);
    const edit = page.querySelectorAll("a").find((a) => text(a) === "Edit this page");
    expect(edit?.getAttribute("href")).toBe(`https://github.com/cagov/code.ca.gov/edit/main/content/${file}`);
    const updated = page.querySelector(".page-meta time");
    expect(updated?.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text(updated)).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
  });

  it.each(contentPages)("marks $url as the current page in the navigation", ({ url }) => {
    const page = readPage(site, url);
    const current = page.querySelectorAll('header nav a[aria-current="page"], footer nav a[aria-current="page"]');
    expect(current.map((a) => a.getAttribute("href"))).toEqual([url]);
  });

  it("starts every page with a skip link to <main>, and carries the statewide footer links, no more", () => {
    for (const { url } of contentPages) {
      const page = readPage(site, url);
      const skip = page.querySelector("body a");
      expect(skip?.getAttribute("href")).toBe("#main-content");
      expect(page.querySelector("main")?.getAttribute("id")).toBe("main-content");
      const footerLinks = page.querySelectorAll("footer nav a").map((a) => [text(a), a.getAttribute("href")]);
      expect(footerLinks).toEqual([
        ["Conditions of use", "/conditions-of-use/"],
        ["Privacy policy", "/privacy-policy/"],
        ["Accessibility", "/accessibility/"],
        ["Contact us", "/contact-us/"],
      ]);
      expect(text(page.querySelector(".copyright"))).toBe(`Copyright © ${inject("siteDay").slice(0, 4)} State of California`);
    }
  });

  it("tells hosts that read _headers to send the policy as headers, and to keep other websites' windows from reaching its tabs", () => {
    const headers = readFileSync(path.join(site, "_headers"), "utf8").split("\n").map((line) => line.trim());
    expect(headers[0]).toBe("/*");
    expect(headers).toEqual(expect.arrayContaining(["Cross-Origin-Opener-Policy: same-origin", "X-Content-Type-Options: nosniff", expect.stringMatching(/^Content-Security-Policy: .*frame-ancestors 'none'/)]));
  });

  it("loads no script and no third-party resource on any page but search", () => {
    for (const { url } of contentPages) {
      const page = readPage(site, url);
      expect(page.querySelectorAll("script")).toHaveLength(0);
      const resources = page.querySelectorAll("link[href], img[src]").map((el) => el.getAttribute("href") ?? el.getAttribute("src"));
      expect(resources.filter((r) => r && /^(https?:)?\/\//.test(r) && !r.startsWith("https://code.ca.gov/"))).toEqual([]);
    }
  });

  it("gives the Working Group page's sections stable ids, a table of contents and breadcrumbs", () => {
    const page = readPage(site, "/working-group/");
    expect(page.querySelectorAll("main h2[id]").map((h) => h.id)).toEqual(["toc-title", "the-working-group", "the-product-owner", "code-coordinators", "resources"]);
    expect(page.querySelectorAll(".toc a").map((a) => a.getAttribute("href"))).toEqual(["#the-working-group", "#the-product-owner", "#code-coordinators", "#resources"]);
    expect(page.querySelectorAll('nav[aria-label="Breadcrumb"] a').map(text)).toEqual(["Home", "Working Group"]);
  });

  it("writes a sitemap listing exactly the public pages, and a robots.txt pointing at it", () => {
    const sitemap = parse(readFileSync(path.join(site, "sitemap.xml"), "utf8"));
    const locations = sitemap.querySelectorAll("loc").map(text).sort();
    const published = readdirSync(site, { recursive: true, withFileTypes: true })
      // The search pages, the site map and the translations' status only lead to pages; they are not pages to find.
      .filter((e) => e.name === "index.html" && !/[\\/](search|site-map|translations)$/.test(e.parentPath))
      .map((e) => `https://code.ca.gov/${path.relative(site, e.parentPath).split(path.sep).join("/")}/`.replace(/\/\/$/, "/"));
    expect(locations).toEqual(published.sort());
    expect(locations).toEqual(expect.arrayContaining(contentPages.map((p) => `https://code.ca.gov${p.url}`)));
    expect(locations.filter((l) => l.startsWith("https://code.ca.gov/projects/"))).toHaveLength(3 + 3 + 106);
    expect(readFileSync(path.join(site, "robots.txt"), "utf8")).toContain("Sitemap: https://code.ca.gov/sitemap.xml");
  });

  it("has a 404 page that is not in the sitemap and tells the reader where to go", () => {
    const page = readPage(site, "/404.html");
    expect(text(page.querySelector("h1"))).toBe("Page not found");
    expect(page.querySelectorAll("main a").map((a) => a.getAttribute("href"))).toContain("/");
  });

  it("ships one stylesheet built from the state design system", () => {
    const css = readFileSync(path.join(site, "assets", "site.css"), "utf8");
    expect(css).toContain(".official-header");
    expect(css).toContain("prefers-reduced-motion");
    expect(readdirSync(path.join(site, "assets")).sort()).toEqual(["ca-gov-logo.svg", "favicon.svg", "search.js", "site.css"]);
  });
});

describe("the community's documents on the site", () => {
  const pageText = (url: string) => text(readPage(site, url).querySelector("main"));

  it("About carries the objective, the mission and Technology Letter 18-02", () => {
    const about = pageText("/about/");
    expect(about).toContain("Open Source Software (OSS) and Code Reuse policy");
    expect(about).toContain("Code California will unite, educate and inspire");
    const letter = readPage(site, "/about/").querySelectorAll("main a").find((a) => text(a) === "Technology Letter 18-02");
    expect(letter?.getAttribute("href")).toMatch(/^https:\/\/cdt\.ca\.gov\//);
  });

  it("Values carries the three values and every principle, crediting 18F", () => {
    const values = pageText("/values/");
    for (const fact of ["serve in the interest of the public", "trust", "taxpayers", "work and collaborate in the open", "Practice empathy and humility", "Assume competence", "doing their best work for the public", "Listen carefully and actively", "seek to understand your partners’ context", "listen as much as they speak", "pronouns"]) {
      expect(values).toContain(fact);
    }
    const credit = readPage(site, "/values/").querySelectorAll("main a").find((a) => text(a).includes("18F"));
    expect(credit?.getAttribute("href")).toBe("https://18f.gsa.gov/code-of-conduct/#what-we-strive-for");
  });

  it("Community lists the users, the members and every collaborating agency from the data files", () => {
    const community = readPage(site, "/community/");
    const all = text(community.querySelector("main"));
    for (const fact of ["The people of California", "government workforce", "technology vendors", "county and city", "Nonprofit organizations"]) expect(all).toContain(fact);
    const agencies = community.querySelectorAll("main a").map((a) => [text(a), a.getAttribute("href")]);
    expect(agencies).toEqual(
      expect.arrayContaining([
        ["California Government Operations Agency", "https://www.govops.ca.gov/"],
        ["California Department of Technology", "https://cdt.ca.gov/"],
        ["Office of Digital Innovation", "https://cdt.ca.gov/digital-innovation/"],
        ["Digital Web Services Network", "https://cdt.ca.gov/dwsn/"],
        ["California Health and Human Services Agency", "https://www.chhs.ca.gov/"],
      ]),
    );
    for (const name of ["Information Technology Executive Council", "Office of Innovation", "California Natural Resources Agency", "California Department of Corrections and Rehabilitation"]) {
      expect(all).toContain(name);
    }
  });

  it("Working Group carries the functions, the product owner and the code coordinators' code.json duty", () => {
    const group = pageText("/working-group/");
    for (const fact of ["The code coordinator of the California Department of Technology leads it", "open space sessions", "quarterly updates of participation metrics", "California Government Operations Agency sponsors this role (acting)", "main point of contact", "code.json file", "code sharing platform"]) {
      expect(group).toContain(fact);
    }
  });

  it("repeats none of the documents' faults: no garbled characters, no private or broken links", () => {
    for (const { url } of contentPages) {
      const main = readPage(site, url).querySelector("main")!;
      expect(text(main)).not.toMatch(/â€|Ã/);
      for (const href of main.querySelectorAll("a").map((a) => a.getAttribute("href") ?? "")) {
        expect(href).not.toMatch(/docs\.google\.com|#heading=|\s/);
      }
    }
  });
});

describe("a page the editor has not finished", () => {
  it("is not built when it is a draft", async () => {
    const build = await sharedSite("secondSite");
    expect(build.code).toBe(0);
    expect(existsSync(path.join(build.output, "draft", "index.html"))).toBe(false);
    expect(readFileSync(path.join(build.output, "sitemap.xml"), "utf8")).not.toContain("draft");
  });
});

describe("npm run build -- --timings", () => {
  it("says how long each step of the pipeline took, in order", async () => {
    // The second community's site is built once a run, with --timings.
    const build = await sharedSite("secondSite");
    expect(build.code, build.stderr).toBe(0);
    const line = build.stderr.split("\n").find((l) => l.startsWith("timings: "));
    const steps = [...(line ?? "").matchAll(/(?:: |; )([^;:]+?) (\d+\.\d\d) s/g)].map((m) => m[1]);
    expect(steps).toEqual(["reading and checks", "Eleventy", "Pagefind", "swap"]);
  });
});

describe("the site map, which readers without JavaScript use in place of search", () => {
  it("lists every written page, fifty to a page, with links between its pages", async () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(root, "test", "fixtures", "sites", "second-site"), content, { recursive: true });
    mkdirSync(path.join(content, "notes"));
    for (let i = 0; i < 240; i++) {
      writeFileSync(path.join(content, "notes", `note-${String(i).padStart(3, "0")}.md`), `---\ntitle: Note ${i}\ndescription: Note number ${i}.\n---\n\nA short note.\n`);
    }
    const build = await buildInto(content);
    expect(build.code, build.stderr).toBe(0);

    const pages = ["/site-map/", "/site-map/page-2/", "/site-map/page-3/", "/site-map/page-4/", "/site-map/page-5/"].map((url) => readPage(build.output, url));
    const listed = pages.flatMap((page) => page.querySelectorAll(".page-list a").map((a) => a.getAttribute("href")));
    expect(pages.map((page) => page.querySelectorAll(".page-list li").length)).toEqual([50, 50, 50, 50, listed.length - 200]);
    expect(existsSync(path.join(build.output, "site-map", "page-6"))).toBe(false);
    expect(listed).toContain("/notes/note-239/");
    expect(listed).not.toContain("/draft/");
    expect(new Set(listed).size).toBe(listed.length);
    expect(text(pages[1]!.querySelector("h1"))).toBe("Site map, page 2");
    expect(pages[1]!.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/site-map/");
    expect(pages[1]!.querySelector('a[rel="next"]')?.getAttribute("href")).toBe("/site-map/page-3/");
    expect(pages[4]!.querySelector('a[rel="next"]')).toBeNull();

    const fallback = readPage(build.output, "/search/").querySelector("#search-fallback")!;
    expect(fallback.querySelector('a[href="/site-map/"]')).not.toBeNull();
    expect(fallback.querySelectorAll("li").length).toBeLessThan(20);
  });
});
