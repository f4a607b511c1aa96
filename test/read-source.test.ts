import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSource } from "../src/model/read-source.ts";
import { checkInProcess, fixtures, problemLines, runScript, tempDir } from "./helpers.ts";

let server: Server;
let base: string;
/** An address on this computer where nothing listens. */
let nobody: string;

beforeAll(async () => {
  server = createServer((request, response) => (request.url === "/sitemap.xml" ? response.end("<loc>https://example.org/</loc>") : response.writeHead(404, "Not Found").end("<html>gone</html>")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  nobody = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/sitemap.xml`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(() => server.close());

describe("reading what a command is pointed at", () => {
  it("gives the bytes of a file or a web address", async () => {
    expect(new TextDecoder().decode((await readSource(`${base}/sitemap.xml`)).bytes)).toBe("<loc>https://example.org/</loc>");
  });

  it("says in plain words why it could not, never an error's name", async () => {
    const folder = tempDir();
    expect((await readSource(path.join(folder, "none.xml"))).failure).toBe(`there is no file at ${path.join(folder, "none.xml")}`);
    expect((await readSource(folder)).failure).toBe(`${folder} is a folder, not a file`);
    expect((await readSource(`${base}/gone.xml`)).failure).toBe(`${base}/gone.xml answered 404 Not Found instead of the file`);
    expect((await readSource(nobody)).failure).toBe(`${nobody} could not be reached`);
  });

  it("check --since with an address that cannot be reached names it and goes on with every other check", async () => {
    const result = await checkInProcess(["--content", path.join(fixtures, "checks", "base"), "--since", nobody]);
    expect(problemLines(result.stderr)).toEqual([
      `${nobody}:1 error: the previous site's addresses could not be read: ${nobody} could not be reached — check the address, or give a saved copy of the sitemap: --since sitemap.xml`,
    ]);
    expect(result.stderr).not.toMatch(/TypeError|fetch failed|^\s+at /m);
    expect(result.code).toBe(1);
  });

  it("validate:code-json with a page that is not there says so", async () => {
    const result = await runScript("validate-code-json", [`${base}/code.json`]);
    expect(result.stderr.trim()).toBe(`error: ${base}/code.json answered 404 Not Found instead of the file — check the file's name or the address, and try again`);
    expect(result.code).toBe(2);
  });
});
