import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticSite {
  /** The site's address, with its path prefix and a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 on a free port, under a path prefix as a GitHub Pages project site is. */
export function serveSite(dir: string, prefix = "/"): Promise<StaticSite> {
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
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
