import { writeFileSync } from "node:fs";
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
  server = createServer((request, response) => {
    if (request.url === "/sitemap.xml") return response.end("<loc>https://example.org/</loc>");
    if (request.url === "/blob/code.json") return response.end("\n<!DOCTYPE html>\n<html><title>code.json · GitHub</title></html>");
    if (request.url === "/large.xml") return response.end("x".repeat(1.5 * 1024 * 1024));
    // Says a length, then hangs up halfway.
    if (request.url === "/cut.xml") return response.writeHead(200, { "Content-Length": "1000" }).write("x".repeat(500), () => response.destroy());
    if (request.url === "/loop.json") return response.writeHead(302, { Location: "/loop.json" }).end();
    if (request.url === "/to-file.json") return response.writeHead(302, { Location: "file:///etc/passwd" }).end();
    // Says it is compressed, and is not.
    if (request.url === "/private.json") return response.writeHead(403, "Forbidden").end();
    if (request.url === "/busy.json") return response.writeHead(503, "Service Unavailable").end();
    if (request.url === "/not-gzip.json") return response.writeHead(200, { "Content-Encoding": "gzip", "Content-Length": "10" }).end("0123456789");
    response.writeHead(404, "Not Found").end("<html>gone</html>");
  });
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
    expect(new TextDecoder().decode((await readSource(`${base}/sitemap.xml`, 1024)).bytes)).toBe("<loc>https://example.org/</loc>");
  });

  it("says in plain words why it could not, never an error's name, and what to do", async () => {
    const folder = tempDir();
    const said = async (source: string, timeoutSeconds?: number) => {
      const read = await readSource(source, 1024, timeoutSeconds);
      return `${read.failure} — ${read.fix}`;
    };
    const copy = "or download the file and give its name instead";
    expect(await said(path.join(folder, "none.xml"))).toBe(`there is no file at ${path.join(folder, "none.xml")} — check the file's name, and the folder the command is typed in`);
    expect(await said(folder)).toBe(`${folder} is a folder, not a file — name the file itself, in the folder`);
    expect(await said(`${base}/gone.xml`)).toBe(`${base}/gone.xml answered 404 Not Found instead of the file — check the address: open it in a browser, where the file itself should show`);
    expect(await said(`${base}/private.json`)).toBe(`${base}/private.json answered 403 Forbidden instead of the file — the file is not public: download it where you may see it, and give the downloaded file's name`);
    expect(await said(`${base}/busy.json`)).toBe(`${base}/busy.json answered 503 Service Unavailable instead of the file — the server could not send it now: try again later, ${copy}`);
    expect(await said(nobody)).toBe(`${nobody} could not be reached — check the address and the connection, ${copy}`);
    expect(await said(`${base}/loop.json`)).toBe(`${base}/loop.json sends on to another address again and again, and never to the file — check the address and the connection, ${copy}`);
    expect(await said(`${base}/to-file.json`)).toBe(`${base}/to-file.json sends on to an address that is not a web address — check the address and the connection, ${copy}`);
    expect(await said("http://exa mple.gov/code.json")).toBe(`http://exa mple.gov/code.json is not a valid web address — check the address and the connection, ${copy}`);
    expect(await said(`${base}/cut.xml`)).toBe(`${base}/cut.xml stopped sending the file before its end — try again later, ${copy}`);
    // A body fetch cannot unpack: by hand, validate:code-json ended with no word in 2 runs of 30 until a timer held it.
    expect(await said(`${base}/not-gzip.json`, 5)).toMatch(new RegExp(`^${base}/not-gzip\\.json (stopped sending the file before its end|did not send the whole file within 5 seconds) — try again later, ${copy}$`));
    // A name as typed, on one line.
    expect((await readSource(path.join(folder, "none\n\u001b[31m.xml"), 1024)).failure).toBe(`there is no file at ${folder}/none\\n\\u001b[31m.xml`);
  });

  it("refuses a file or a download larger than such a file can be, and stops downloading it", async () => {
    const large = path.join(tempDir(), "large.xml");
    writeFileSync(large, "x".repeat(1.5 * 1024 * 1024));
    expect((await readSource(large, 2 * 1024 * 1024)).bytes).toHaveLength(1.5 * 1024 * 1024);
    expect(await readSource(large, 1024 * 1024)).toEqual({ failure: `${large} is larger than 1 MB, more than such a file can be`, fix: "check that it is the file you meant, and not another saved in its place" });
    expect((await readSource(`${base}/large.xml`, 2 * 1024 * 1024)).bytes).toHaveLength(1.5 * 1024 * 1024);
    expect((await readSource(`${base}/large.xml`, 1024 * 1024)).failure).toBe(`${base}/large.xml is larger than 1 MB, more than such a file can be`);
  });

  it("check --since with an address that cannot be reached names it and goes on with every other check", async () => {
    const result = await checkInProcess(["--content", path.join(fixtures, "checks", "base"), "--since", nobody]);
    expect(problemLines(result.stderr)).toEqual([
      `${nobody}:1 error: the previous site's addresses could not be read: ${nobody} could not be reached — check the address and the connection, or download the file and give its name instead`,
    ]);
    expect(result.stderr).not.toMatch(/TypeError|fetch failed|^\s+at /m);
    expect(result.code).toBe(1);
  });

  it("validate:code-json with a page that is not there says so", async () => {
    const result = await runScript("validate-code-json", [`${base}/code.json`]);
    expect(result.stderr.trim()).toBe(`error: ${base}/code.json answered 404 Not Found instead of the file — check the address: open it in a browser, where the file itself should show`);
    expect(result.code).toBe(2);
  });

  it("validate:code-json with the address of a page showing the file says to give the file's own", async () => {
    const result = await runScript("validate-code-json", [`${base}/blob/code.json`]);
    expect(result.stderr.trim()).toBe(`error: ${base}/blob/code.json answers with a web page, not the inventory itself — give the address of the file: on GitHub, open the file and copy the address of its Raw button`);
    expect(result.code).toBe(2);
  });
});
