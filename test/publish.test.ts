import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tsxLoader } from "../src/options.ts";
import { eleventyOutputProblem, outputDirProblem, previewFolder } from "../src/publish/output.ts";
import { makeStaging, swapInto } from "../src/publish/swap.ts";
import { fixtures, root, runInProcess, runScript, tempDir } from "./helpers.ts";

const secondSite = path.join(fixtures, "sites", "second-site");

/** Every file of a built site outside its search index (whose file names Pagefind varies), with its text. */
const pages = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !path.relative(dir, entry.parentPath).startsWith("pagefind"))
      .map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), "utf8")]),
  );

describe("where a build may write", () => {
  it.each([
    [".", "holds the site's sources"],
    ["content", "holds the site's sources"],
    ["src/render", "is inside the site's sources"],
    ["..", "holds the site's sources"],
  ])("refuses --output %s, which %s, and writes nothing", async (output, why) => {
    const before = readdirSync(root).sort();
    const result = await runScript("build", ["--output", output]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: the site cannot be written there: ${path.resolve(root, output)} ${why}`);
    expect(result.stderr).toContain("give --output a new folder of its own, such as _site");
    expect(readdirSync(root).sort()).toEqual(before);
  });

  it("refuses a folder of files, a hand-made site with its sitemap.xml and assets/ too, and keeps every file", async () => {
    const output = path.join(tempDir(), "documents");
    mkdirSync(path.join(output, "assets"), { recursive: true });
    writeFileSync(path.join(output, "sitemap.xml"), "<urlset/>");
    writeFileSync(path.join(output, "letter.txt"), "keep me");
    const result = await runScript("build", ["--content", secondSite, "--output", output]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: the site cannot be written there: ${output} already holds files, and a build replaces the whole folder: it writes only into a folder of its own — give --output a new folder of its own, such as _site`);
    expect(readdirSync(output).sort()).toEqual(["assets", "letter.txt", "sitemap.xml"]);
  });

  it("sees a way round through a symbolic link for where it goes: into the content folder, or the generator's sources", () => {
    const folder = tempDir();
    const content = path.join(folder, "content");
    cpSync(secondSite, content, { recursive: true });
    symlinkSync(content, path.join(folder, "link-to-content"));
    symlinkSync(path.join(root, "src"), path.join(folder, "link-to-src"));
    expect(outputDirProblem(path.join(folder, "link-to-content", "site"), content)).toBe(
      `${path.join(folder, "link-to-content", "site")} (${path.join(content, "site")}, through a symbolic link) is inside the site's sources (the generator or the content folder)`,
    );
    expect(outputDirProblem(path.join(folder, "link-to-src", "site"), content)).toBe(
      `${path.join(folder, "link-to-src", "site")} (${path.join(realpathSync(root), "src", "site")}, through a symbolic link) is inside the site's sources (the generator or the content folder)`,
    );
    // Given through a link, the content folder is still seen where it is.
    expect(outputDirProblem(path.join(content, "site"), path.join(folder, "link-to-content"))).toBe(`${path.join(content, "site")} is inside the site's sources (the generator or the content folder)`);
    // The output path itself may be a link, a site published before: it is replaced, never followed.
    expect(outputDirProblem(path.join(folder, "link-to-src"), content)).toBeUndefined();
  });

  it("refuses a folder inside a file", () => {
    const file = path.join(tempDir(), "notes.txt");
    writeFileSync(file, "a file");
    expect(outputDirProblem(path.join(file, "site", "deeper"), secondSite)).toBe(`${path.join(file, "site", "deeper")} is inside ${file}, which is a file, not a folder`);
  });

  it("lets npm start write to its own folder in the dependencies' cache, and nothing else there", () => {
    expect(outputDirProblem(previewFolder, path.join(root, "content"))).toBeUndefined();
    expect(outputDirProblem(path.join(root, "node_modules", ".cache"), path.join(root, "content"))).toBe(`${path.join(root, "node_modules", ".cache")} is inside the site's sources (the generator or the content folder)`);
  });
});

describe("where Eleventy's own command line may write, which writes in place and removes nothing", () => {
  it("is a new or empty folder for a build to publish, its own folder while watching, never a published site or the sources", () => {
    const folder = tempDir();
    const content = path.join(root, "content");
    const filled = path.join(folder, "filled");
    mkdirSync(filled);
    writeFileSync(path.join(filled, "index.html"), "an earlier build");
    const published = path.join(folder, "published");
    const staging = makeStaging(published);
    swapInto(staging, published);
    expect(eleventyOutputProblem(path.join(folder, "new"), content, "build")).toBeUndefined();
    expect(eleventyOutputProblem(filled, content, "build")).toBe(
      `${filled} already holds files, and Eleventy's own command writes into a folder in place and removes nothing, so a page the site no longer has would stay — remove the folder first, or build with npm run build, which replaces the site whole`,
    );
    expect(eleventyOutputProblem(filled, content, "watch")).toBeUndefined();
    for (const runMode of ["build", "watch"]) {
      expect(eleventyOutputProblem(published, content, runMode)).toBe(`${published} is the site npm run build published, and Eleventy's own command would change it in place, past the build's checks and swap — build it with npm run build, or give --output a new folder`);
      expect(eleventyOutputProblem(path.join(root, "src", "site"), content, runMode)).toBe(`the site cannot be written there: ${path.join(root, "src", "site")} is inside the site's sources (the generator or the content folder) — give --output a new folder of its own`);
    }
  });
});

describe("publishing a build", () => {
  it("publishes in place of an empty folder made for the site, and never deletes a folder of files", () => {
    const parent = tempDir();
    const output = path.join(parent, "site");
    mkdirSync(output);
    const staging = makeStaging(output);
    writeFileSync(path.join(staging, "index.html"), "new");
    swapInto(staging, output);
    expect(readdirSync(output)).toEqual(["index.html"]);
    expect(readdirSync(parent).sort()).toEqual([path.basename(staging), "site"].sort());

    const documents = path.join(parent, "documents");
    mkdirSync(documents);
    writeFileSync(path.join(documents, "letter.txt"), "keep me");
    expect(() => swapInto(makeStaging(documents), documents)).toThrow();
    expect(readFileSync(path.join(documents, "letter.txt"), "utf8")).toBe("keep me");
  });

  it("clears what a killed build of its own output left, never a site published beside it whose name starts the same", () => {
    const parent = tempDir();
    const [site, prefixed] = [path.join(parent, "site"), path.join(parent, "site-prefixed")];
    const publish = (output: string, page: string) => {
      const staging = makeStaging(output);
      writeFileSync(path.join(staging, "index.html"), page);
      swapInto(staging, output);
    };
    publish(prefixed, "prefixed");
    publish(site, "first");
    mkdirSync(path.join(parent, ".site-site-999999-abcdef"));
    writeFileSync(path.join(parent, ".site-site-notes.txt"), "mine");
    publish(site, "second");
    expect(readFileSync(path.join(prefixed, "index.html"), "utf8")).toBe("prefixed");
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toBe("second");
    expect(readdirSync(parent).sort()).toEqual([".site-site-notes.txt", path.basename(realpathSync(site)), path.basename(realpathSync(prefixed)), "site", "site-prefixed"].sort());
  });

  it("says plainly where no site can be written, before reading anything, and writes nothing", { timeout: 60_000 }, async () => {
    const folder = tempDir();
    const linkToNothing = path.join(folder, "gone");
    symlinkSync(path.join(folder, "nowhere"), linkToNothing);
    const refused = [
      [path.join(folder, "a".repeat(300), "site"), "the path is longer than the system allows", runInProcess],
      [path.join(linkToNothing, "site"), "something that is not a folder is there already, such as a link to a folder that is gone", runInProcess],
      // Node's own recursive mkdir never returns here: each folder is made in turn, and /proc refuses the first. In a
      // process of its own, so that were it to loop again, the test would time out rather than the run hang.
      ["/proc/no-such/site", "the folder it would go in is one the system keeps for itself", runScript],
    ] as const;
    for (const [output, why, run] of refused) {
      const result = await run("build", ["--content", secondSite, "--output", output]);
      expect(result).toMatchObject({ code: 2, stdout: "" });
      expect(result.stderr.trimEnd()).toBe(`error: the site cannot be written at ${output}: ${why} — give --output another folder, such as _site`);
    }
    expect(readdirSync(folder)).toEqual(["gone"]);
  });

  it("keeps a whole site at the output path whenever a build is killed, and the next build clears what killed ones left", { timeout: 120_000 }, async () => {
    const output = path.join(tempDir(), "site");
    const parent = path.dirname(output);
    const started = performance.now();
    expect((await runScript("build", ["--content", secondSite, "--output", output])).code).toBe(0);
    const buildMs = performance.now() - started;
    const published = pages(output);
    const leftovers = () => readdirSync(parent).filter((name) => name !== "site" && name !== path.basename(realpathSync(output))).length;
    const staging = (pid: number) => readdirSync(parent).find((name) => name.startsWith(`.site-site-${pid}-`));
    const wrotePage = (pid: number) => {
      const folder = staging(pid);
      return folder !== undefined && readdirSync(path.join(parent, folder), { recursive: true }).some((file) => String(file).endsWith(".html"));
    };
    // A build is killed as soon as its staging folder is made (it is made first, before the site is read), and as
    // soon as Eleventy has written a page into it; then later and later into a build's time, the last near its
    // end (Pagefind and the swap take a tenth of a second here: it may catch them). A build that ends before its
    // time comes has published the same site, whole.
    const kills = [
      { when: "once its staging folder exists", seen: (pid: number) => staging(pid) !== undefined, mayEndFirst: false },
      { when: "once Eleventy has written a page", seen: wrotePage, mayEndFirst: false },
      ...[0.6, 0.8, 0.95].map((share) => ({ when: `${share * 100}% into a build's time`, seen: (_pid: number, ms: number) => ms >= share * buildMs, mayEndFirst: true })),
    ];
    let leftBehind = 0;
    for (const { when, seen, mayEndFirst } of kills) {
      const child = spawn(process.execPath, ["--import", tsxLoader, path.join(root, "scripts", "build.ts"), "--content", secondSite, "--output", output], { stdio: "ignore" });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const spawned = performance.now();
      while (child.exitCode === null && !seen(child.pid!, performance.now() - spawned)) await new Promise((resolve) => setTimeout(resolve, 10));
      if (!mayEndFirst) expect(child.exitCode, `the build ended before it could be killed ${when}`).toBeNull();
      child.kill("SIGKILL");
      await exited;
      expect(existsSync(path.join(output, "pagefind", "pagefind.js")), `killed ${when}`).toBe(true);
      expect(pages(output), `killed ${when}`).toEqual(published);
      leftBehind = Math.max(leftBehind, leftovers());
    }
    expect(leftBehind, "the killed builds left staging folders behind").toBeGreaterThan(0);
    expect((await runScript("build", ["--content", secondSite, "--output", output])).code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([path.basename(realpathSync(output)), "site"].sort());
  });
});
