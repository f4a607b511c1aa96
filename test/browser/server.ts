import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createGzip } from "node:zlib";
import { types } from "../../src/preview/server.ts";


export interface StaticSite {
  /** The site's address, with its path prefix and a trailing slash. */
  url: string;
  /** The bytes sent so far for each path, after compression: what a browser transferred. */
  bytesSent: Map<string, number>;
  close(): Promise<void>;
}

/** Text a host compresses on the way (Pagefind's own index files come compressed already). */
const compressible = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"]);

/**
 * Serves a built site on 127.0.0.1 on a free port, under a path prefix as a GitHub Pages project site is,
 * and gzips text for browsers that ask, as GitHub Pages and other static hosts do.
 */
export function serveSite(dir: string, prefix = "/"): Promise<StaticSite> {
  const bytesSent = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const notFound = () => {
      response.writeHead(404, { "content-type": types[".html"] });
      const page = path.join(dir, "404.html");
      if (existsSync(page)) createReadStream(page).pipe(response);
      else response.end("Not found");
    };
    if (!pathname.startsWith(prefix)) return notFound();
    let file = path.join(dir, pathname.slice(prefix.length));
    if (!file.startsWith(dir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith("/")) {
        response.writeHead(301, { location: `${pathname}/` });
        return response.end();
      }
      file = path.join(file, "index.html");
    }
    if (!existsSync(file)) return notFound();
    const type = types[path.extname(file)] ?? "application/octet-stream";
    const gzip = compressible.has(path.extname(file)) && /\bgzip\b/.test(String(request.headers["accept-encoding"]));
    response.writeHead(200, gzip ? { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" } : { "content-type": type });
    const counter = new PassThrough();
    counter.on("data", (chunk: Buffer) => bytesSent.set(pathname, (bytesSent.get(pathname) ?? 0) + chunk.length));
    (gzip ? createReadStream(file).pipe(createGzip()) : createReadStream(file)).pipe(counter).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        bytesSent,
        // A browser still open may hold a socket it opened ahead and never asked on: close() alone waits on it for minutes.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
