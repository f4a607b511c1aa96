import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "node-html-parser";
import { generateInventories } from "../scripts/bench/generate.ts";
import { tsxLoader } from "../src/options.ts";
import { fixtures, indexedPages, problemLines, root, runScript, tempDir, text } from "./helpers.ts";

/** A port nothing listens on, for the dev server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether `found` comes true within a minute: a save's whole build may follow another still running. */
async function eventually(found: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 60_000 && !(await found()); waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
  return found();
}

const stops: (() => void)[] = [];

/**
 * Every file of a folder, by path, as bytes; a built site's search index aside. The search index is not entered:
 * the preview swaps its folders while this reads.
 */
function filesOf(dir: string, files = new Map<string, Buffer>(), under = dir): Map<string, Buffer> {
  for (const entry of readdirSync(under, { withFileTypes: true })) {
    const file = path.join(under, entry.name);
    if (entry.isDirectory() && !/pagefind/.test(entry.name)) filesOf(dir, files, file);
    else if (entry.isFile()) files.set(path.relative(dir, file), readFileSync(file));
  }
  return files;
}

/** Runs `npm start` on a content folder, on a free port or this one; `until` waits for a line in its output since the last `settle`. */
async function start(content: string, port?: number) {
  const site = path.join(path.dirname(content), "site");
  port ??= await freePort();
  const child = spawn(process.execPath, ["--import", tsxLoader, path.join(root, "scripts", "serve.ts"), "--content", content, "--output", site], {
    env: { ...process.env, PORT: String(port), GITHUB_ACTIONS: "", PATH_PREFIX: "", SITE_CONTENT: "" },
    detached: true,
  });
  stops.push(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
  });
  let output = "";
  let marked = 0;
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const since = () => output.slice(marked);
  const until = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const ended = child.exitCode !== null;
        if (pattern.test(since()) || ended) clearInterval(timer);
        if (pattern.test(since())) resolve();
        else if (ended) reject(new Error(`npm start ended:\n${output}`));
      }, 100);
    });
  /** Once the first whole build is served: a test run alone (`-t`) then edits a preview that is up, as the others do. */
  const started = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Server at")) resolve();
      else if (child.exitCode !== null) reject(new Error(`npm start ended:\n${output}`));
      else return;
      clearInterval(timer);
    }, 100);
  });
  /** The files of the first whole build, read the moment it is served, before any test can save. */
  const firstBuilt = started.then(() => filesOf(site));
  // Said when awaited; a preview that ends before anything awaits it is no unhandled rejection of its own.
  for (const waited of [started, firstBuilt]) waited.catch(() => {});
  const changes = (file: string) => output.split("\n").filter((line) => line === `File changed: ${file}`).length;
  /** Saves a file as an editor would; again if the watcher, which Eleventy does not wait to be ready, missed it. */
  const change = async (file: string, text: string | Buffer) => {
    await started;
    const before = changes(file);
    for (let attempt = 0; attempt < 5; attempt++) {
      writeFileSync(file, text);
      for (let waited = 0; waited < 3000 && changes(file) === before; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      if (changes(file) > before) return;
    }
    throw new Error(`npm start never saw ${file} change:\n${output}`);
  };
  /**
   * Once the content is as it was at the start, waits until every file of the first whole build is written again as
   * it was (the sitemap and the home page list every page: a page a test added shows there), and that build's
   * "Wrote" is the last line said; then reads output afresh. Only whole builds write to the site's folder, so no
   * build of a test's own saves can then still be running, or be taken by the next test for its own. A page a test
   * moved stays in the folder, unserved: the preview serves only what its last build wrote.
   */
  const settle = async () => {
    const wanted = await firstBuilt;
    const differing = () => {
      const files = filesOf(site);
      return [...wanted].filter(([file, bytes]) => !files.get(file)?.equals(bytes)).map(([file]) => file);
    };
    for (let waited = 0; differing().length || !/Wrote \d+ files[^\n]*\n$/.test(output); waited += 200) {
      if (waited > 60_000 || child.exitCode !== null) throw new Error(`the site was never built again as it was at the start (${differing().join(", ")} differ):\n${since()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    marked = output.length;
  };
  return { url: `http://127.0.0.1:${port}/`, port, site, child, started, until, change, settle, output: since, wholeOutput: () => output };
}

// One preview serves these tests in turn, as an editor's one sitting would: each test starts from the site as the
// fixture has it, and puts back what it changed. Starting a preview for each cost as much again as all they test.
describe("npm start", () => {
  const content = path.join(tempDir(), "content");
  const contact = path.join(content, "contact.md");
  const home = path.join(content, "index.md");
  const navigation = path.join(content, "_data", "navigation.yaml");
  cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
  generateInventories(content, 1, 2);
  const inventory = path.join(content, "code-json", "ag1.json");
  const fixture = filesOf(content);
  /** A file of the content folder, as the fixture has it. */
  const original = (file: string) => fixture.get(path.relative(content, file))!.toString("utf8");
  writeFileSync(path.join(path.dirname(content), "secret.txt"), "outside the site");
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start(content);
  });
  /** Puts the content folder back as the fixture has it, file for file, and waits for the site built from it. */
  afterEach(async () => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    const now = filesOf(content);
    for (const file of now.keys()) if (!fixture.has(file)) rmSync(path.join(content, file));
    for (const [file, bytes] of fixture) if (!now.get(file)?.equals(bytes)) await server.change(path.join(content, file), bytes);
    await server.settle();
  });
  afterAll(() => stops.splice(0).forEach((stop) => stop()));

  it("serves the site, a page opened before the site is built too, and on every change rebuilds it and prints the change's problems at their lines", async () => {
    // The address is given at once, and a page opened then is shown, rendered alone if the site is not yet built.
    await server.until(/Checking and building the whole site; meanwhile each page you open at http:\/\/127\.0\.0\.1:\d+\/ is shown/);
    expect(await (await fetch(`${server.url}contact/`)).text()).toContain("Write to us");
    await server.until(new RegExp(`Server at http://127\\.0\\.0\\.1:${server.port}/`));
    expect(await (await fetch(`${server.url}contact/`)).text()).toContain("Write to us");

    await server.change(contact, original(contact) + "\nOr read [the guide](/gide/).\n");
    await server.until(/File changed[\s\S]*Wrote \d+ files/);
    expect(problemLines(server.output()), server.output()).toContain(`${contact}:14:21 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page`);
    // The page is not shown as if published while it has an error: its problems are, in its place.
    const shown = parse(await (await fetch(`${server.url}contact/`)).text());
    expect(text(shown.querySelector("main .preview-problems"))).toContain('contact.md:14:21 error: the link to "/gide/" goes to a page that does not exist');
    expect(shown.querySelector('main a[href="/gide/"]')).toBeNull();
    expect(server.output()).not.toContain("Writing ");
    expect(server.output()).not.toMatch(/\[11ty\]|v\d+\.\d+\.\d+/);
  });

  it("serves a saved page at once, and brings search up to date behind it, swapping in each index whole", async () => {
    const indexedText = () => {
      try {
        return indexedPages(server.site).map((page) => page.content).join(" ");
      } catch {
        return "";
      }
    };
    expect(await eventually(() => indexedText().includes("We meet online"))).toBe(true);

    await server.change(contact, original(contact).replace("We meet online.", "We meet online, on Zebracorn Thursdays."));
    await server.until(/File changed[\s\S]*Wrote \d+ files/);
    expect(await (await fetch(`${server.url}contact/`)).text()).toContain("Zebracorn Thursdays");
    expect(await eventually(() => indexedText().includes("Zebracorn Thursdays"))).toBe(true);
    // Only the index searched is in the site's folder once it is in place.
    expect(await eventually(() => !existsSync(path.join(server.site, ".pagefind-next")))).toBe(true);
  });

  it("shows a saved page, its problems too, before it builds the rest of the site; the home page, which lists the others, too", async () => {
    await server.change(contact, original(contact).replace("We meet online.", "We meet online, on Zebracorn Fridays."));
    await server.until(/File changed[^]*Showing the page you changed; building the rest of the site…/);
    expect(await (await fetch(`${server.url}contact/`)).text()).toContain("Zebracorn Fridays");
    await server.until(/Showing[^]*Wrote \d+ files/);

    await server.change(contact, `${original(contact)}\nOr read [the guide](/gide/).\n`);
    await server.until(/(Showing the page you changed[^]*){2}/);
    expect(text(parse(await (await fetch(`${server.url}contact/`)).text()).querySelector("main .preview-problems"))).toContain('the link to "/gide/" goes to a page that does not exist');
    await server.until(/gide[^]*Wrote \d+ files/);

    await server.change(home, `${original(home)}\nWelcome, Zebracorns.\n`);
    await server.until(/File changed: [^\n]*index\.md[^]*Showing the page you changed/);
    expect(await (await fetch(server.url)).text()).toContain("Welcome, Zebracorns.");
    await server.until(/File changed: [^\n]*index\.md[^]*Wrote \d+ files/);
    expect(await (await fetch(server.url)).text()).toContain("Welcome, Zebracorns.");
  });

  it("rebuilds when a page is deleted: it is no longer served, and the links to it are named", async () => {
    await server.started;
    rmSync(contact);
    await server.until(/File deleted[\s\S]*Wrote \d+ files/);
    expect(problemLines(server.output()), server.output()).toContain(`${navigation}:6:10 error: the menu item "Contact us" goes to /contact/, which is not a page of the site — correct the address, or create the page`);
    expect((await fetch(`${server.url}contact/`)).status).toBe(404);
  });

  it("takes an edited data file on the next rebuild, and names the line of a mistake in one", async () => {
    const footerLink = async () => text(parse(await (await fetch(server.url)).text()).querySelector('footer a[href="/contact/"]'));
    await server.change(navigation, original(navigation).replace("text: Contact us", "text: Write to us"));
    expect(await eventually(async () => (await footerLink()) === "Write to us")).toBe(true);

    await server.change(navigation, original(navigation).replace("text: Contact us", "txt: Write to us"));
    await server.until(/did you mean "text"/);
    expect(problemLines(server.output())).toContain(`${navigation}:5:5 error: unknown field "txt" in the first entry of "footer" — did you mean "text"?`);
    // The last build stays, and every page lists the mistake at its top; no stack trace of the generator anywhere.
    await server.until(/File changed[\s\S]*did you mean "text"[\s\S]*Wrote 0 files/);
    expect(text(parse(await (await fetch(`${server.url}contact/`)).text()).querySelector(".preview-problems"))).toContain('navigation.yaml:5:5 error: unknown field "txt" in the first entry of "footer"');
    expect(server.output()).not.toMatch(/stack trace|^\s+at |Error\b/m);

    await server.change(navigation, original(navigation).replace("text: Contact us", "text: Contact us again"));
    expect(await eventually(async () => (await footerLink()) === "Contact us again")).toBe(true);
  });

  it("takes an edited code.json inventory on the next rebuild", async () => {
    await server.change(inventory, original(inventory).replaceAll('"name": "', '"name": "renamed-'));
    await server.until(/File changed[\s\S]*Wrote \d+ files/);
    const listed = parse(await (await fetch(`${server.url}projects/ag1/`)).text()).querySelectorAll(".release-list a").map(text);
    expect(listed).toHaveLength(2);
    expect(listed.every((name) => name.startsWith("renamed-"))).toBe(true);
  });

  it("stops serving a renamed page at its old address", async () => {
    expect((await fetch(`${server.url}contact/`)).status).toBe(200);
    await server.change(contact, original(contact).replace("title:", "permalink: /write-to-us/\ntitle:"));
    await server.until(/File changed[\s\S]*Wrote \d+ files/);
    expect((await fetch(`${server.url}write-to-us/`)).status).toBe(200);
    expect((await fetch(`${server.url}contact/`)).status).toBe(404);

    // A file name is printed on one line, as written: it cannot forge a line of the preview's output or drive the terminal.
    const forged = path.join(content, "notes\nerror: forged\u001b[31m.md");
    writeFileSync(forged, "---\ntitle: Notes\ndescription: Notes.\n---\n\nText.\n");
    await server.until(/File changed: [^\n]*notes\\nerror: forged\\u001b\[31m\.md\n/);
    // Read, and refused by name, before the test ends and removes it.
    await server.until(/rename the file "notes-error-forged-31m\.md"/);
    expect(server.output()).not.toMatch(/^error: forged/m);
    expect(server.output()).not.toContain("\u001b");
  });

  // Last: it stops the preview the others share.
  it("listens on this computer only, says so plainly when its port is taken, answers an address that is malformed or climbs out of the site, and stops with npm", async () => {
    await server.started;
    const other = path.join(tempDir(), "content");
    cpSync(path.join(fixtures, "checks", "base"), other, { recursive: true });
    const second = await start(other, server.port);
    await once(second.child, "close");
    expect(second.wholeOutput().trim()).toBe(`error: the preview cannot listen on 127.0.0.1:${server.port}: another program is using this port — stop that program, or choose another port: PORT=8081 npm start`);
    expect(second.child.exitCode).toBe(1);

    expect(await (await fetch(`${server.url}contact/`)).text()).toContain("Write to us");
    for (const [address, status] of [["/..%2fsecret.txt", 404], ["/..%2f..%2fsecret.txt", 404], ["/%E0%A4%A", 400], ["/contact/%00", 400], ["/%5Cattacker.example%2f..%2fcontact", 404], ["/%2fetc%2fpasswd", 404]] as const) {
      expect(await statusOf(server.port, address), address).toBe(status);
    }
    expect((await fetch(`${server.url}contact/`)).status).toBe(200);
    // Over the whole sitting, every save's output included: no stack trace, no character that drives the terminal, none of Eleventy's own lines.
    expect(server.wholeOutput()).not.toMatch(/stack trace|^\s+at |Error\b/m);
    expect(server.wholeOutput()).not.toContain("\u001b");
    expect(server.wholeOutput()).not.toMatch(/Writing |\[11ty\]|v\d+\.\d+\.\d+/);
    process.kill(-server.child.pid!, "SIGTERM");
    await new Promise((resolve) => server.child.once("exit", resolve));
    await expect(fetch(`${server.url}contact/`)).rejects.toThrow();
  });
});

describe("npm start, told wrongly where to serve", () => {
  it("says so in plain words before reading the site: a port that is not one, a folder that cannot be made, an address that is not this computer's", async () => {
    const content = path.join(fixtures, "checks", "base");
    const folder = tempDir();
    expect(await runScript("serve", ["--content", content, "--output", path.join(folder, "site")], { PORT: "abc" })).toMatchObject({
      code: 2,
      stderr: 'error: PORT is "abc", which is not a port — give a whole number from 1 to 65535, such as PORT=8081 npm start\n',
    });
    const dangling = path.join(folder, "gone");
    symlinkSync(path.join(folder, "nowhere"), dangling);
    expect(await runScript("serve", ["--content", content, "--output", dangling], { PORT: String(await freePort()) })).toMatchObject({
      code: 2,
      stderr: `error: no folder can be made at ${dangling} for the preview: something that is not a folder is there already, such as a link to a folder that is gone — give --output a new folder of its own, or leave it out\n`,
    });
    const port = await freePort();
    expect(await runScript("serve", ["--content", content, "--output", path.join(folder, "site"), "--host", "exa\u001b[31mmple.invalid"], { PORT: String(port) })).toMatchObject({
      code: 1,
      stderr: `error: the preview cannot listen on exa\\u001b[31mmple.invalid:${port}: this computer has no such address — give --host an address of this computer, or leave it out\n`,
    });
  });
});

describe("npm start, stopped by npm", () => {
  afterEach(() => stops.splice(0).forEach((stop) => stop()));
  it("stops serving when npm is told to stop, though npm signals only the shell it started", { timeout: 90_000 }, async () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    const port = await freePort();
    const npm = spawn("npm", ["run", "--silent", "start", "--", "--content", content, "--output", path.join(path.dirname(content), "site")], {
      cwd: root,
      env: { ...process.env, PORT: String(port), GITHUB_ACTIONS: "", PATH_PREFIX: "", SITE_CONTENT: "" },
      detached: true,
    });
    stops.push(() => process.kill(-npm.pid!, "SIGKILL"));
    let output = "";
    npm.stdout.on("data", (chunk) => (output += chunk));
    for (let waited = 0; !output.includes("Server at") && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`http://127.0.0.1:${port}/contact/`)).status).toBe(200);
    npm.kill("SIGTERM");
    let stopped = false;
    for (let waited = 0; !stopped && waited < 10_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      stopped = await fetch(`http://127.0.0.1:${port}/contact/`).then(() => false, () => true);
    }
    expect(stopped).toBe(true);
  });
});

/** The status of a request for an address exactly as written, with nothing tidied away (curl --path-as-is). */
function statusOf(port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path: address }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });
}
