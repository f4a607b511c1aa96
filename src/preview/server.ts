import { createReadStream, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { problemListHtml } from "../problems/problem-list.ts";
import type { RenderedAhead } from "./ahead.ts";
import type { Problem } from "../problems/problems.ts";

/** The content type of each kind of file a site holds, by its extension. */
export const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".csv": "text/csv; charset=utf-8",
};

/** The preview's own files: a script that reloads the page when the site is rebuilt. Same origin, so the pages' CSP lets it run. */
const previewFolder = "/__preview/";
const reloadScript = `new EventSource(${JSON.stringify(`${previewFolder}events`)}).addEventListener("rebuilt", () => location.reload());\n`;

export interface PreviewServer {
  url: string;
  /**
   * Tells every open page the site was rebuilt (of the save numbered `generation`), with the problems it has now and
   * the files it wrote: no other file is served (a renamed page is gone from its old address), besides the search
   * index. Without a list, the last stays.
   */
  rebuilt(problems: readonly Problem[], written: ReadonlySet<string> | undefined, generation: number): void;
  /**
   * Serves the pages a save changed, rendered ahead of the rest of the site (by the file each is written to), and
   * tells every open page. They are served until a whole build of the same save or a later one (`generation`) is.
   */
  renderedAhead(problems: readonly Problem[], pages: ReadonlyMap<string, string>, generation: number): void;
  close(): Promise<void>;
}


export interface PreviewServerOptions {
  host: string;
  port: number;
  pathPrefix: string;
  /**
   * Renders alone the page at an address (`/about/`): until the first whole build is written, a page asked for
   * is rendered then and there, and served, rather than waiting for the whole site.
   */
  renderPage?: (url: string) => Promise<RenderedAhead | undefined>;
}

/**
 * Serves the site being previewed, on 127.0.0.1 unless another host is asked for: only files inside its folder,
 * any malformed address answered (never a stop), and every page told to reload when the site is rebuilt. Each
 * page shows the site's errors at its top while there are any.
 */
export function startPreviewServer(siteDir: string, options: PreviewServerOptions): Promise<PreviewServer> {
  const root = realpathSync(siteDir);
  const listeners = new Set<ServerResponse>();
  let errors: Problem[] = [];
  /** The save the errors shown are of. */
  let errorsOf = 0;
  /** The save the last whole build written was of: a page rendered ahead of it, finished late, is older than it. */
  let builtOf = 0;
  let current: ReadonlySet<string> | undefined;
  const ahead = new Map<string, { html: string; generation: number }>();
  const isCurrent = (file: string) => !current || current.has(file) || file.startsWith(path.join(root, "pagefind") + path.sep);
  const send = (response: ServerResponse, status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    response.end(body);
  };
  const withProblems = (html: string) => {
    if (!errors.length) return html;
    const list = problemListHtml(`<p>While previewing: the site has ${errors.length} error${errors.length === 1 ? "" : "s"}, and would not be published.</p>`, errors);
    return html.replace(/<body([^>]*)>/, (body) => `${body}${list}`);
  };
  const aheadOf = (pathname: string): string | undefined => {
    if (!ahead.size) return undefined;
    const candidate = path.join(root, pathname.slice(options.pathPrefix.length));
    // A folder's page without its final slash is sent on to it below, as a written one is, so its links resolve.
    return (pathname.endsWith("/") ? ahead.get(path.join(candidate, "index.html")) : ahead.get(candidate))?.html;
  };
  const withReload = (html: string) => html.replace(/<\/body>/, `<script src="${previewFolder}reload.js"></script></body>`);
  const fileFor = (pathname: string): string | undefined => {
    // Joined, never resolved: a decoded "/" or "\\" at the start must not make an absolute path.
    const candidate = path.join(root, pathname.slice(options.pathPrefix.length));
    try {
      const real = realpathSync(candidate);
      if (real !== root && !real.startsWith(root + path.sep)) return undefined;
      if (statSync(real).isDirectory()) return fileFor(`${pathname.replace(/\/?$/, "/")}index.html`);
      return isCurrent(real) ? real : undefined;
    } catch {
      return undefined;
    }
  };

  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://preview.invalid").pathname);
    } catch {
      return send(response, 400, types[".txt"]!, "This address is malformed.");
    }
    if (pathname.includes("\0")) return send(response, 400, types[".txt"]!, "This address is malformed.");
    if (pathname === `${previewFolder}reload.js`) return send(response, 200, types[".js"]!, reloadScript);
    if (pathname === `${previewFolder}events`) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
      return;
    }
    if (!pathname.startsWith(options.pathPrefix)) {
      // The site's own folder without its final slash is the site, as a host sends it on.
      if (pathname === "/" || `${pathname}/` === options.pathPrefix) {
        response.writeHead(pathname === "/" ? 302 : 301, { location: options.pathPrefix });
        return response.end();
      }
      return notFound(response);
    }
    const early = aheadOf(pathname);
    if (early !== undefined) return send(response, 200, types[".html"]!, withReload(withProblems(early)));
    if (!current && options.renderPage && /(\/|\.html)$/.test(pathname)) {
      // Before the first whole build, a page asked for is rendered alone (anything else waits for the build).
      return void options.renderPage(`/${pathname.slice(options.pathPrefix.length)}`).then(
        (rendered) => {
          // Checked alone while the site's checks go on: this request's answer, not kept to speak for the site.
          const alone = rendered && !rendered.checked ? [...rendered.pages.values()][0] : undefined;
          if (alone !== undefined) return send(response, 200, types[".html"]!, withReload(withProblems(alone)));
          if (rendered) showAhead(rendered, false);
          const page = aheadOf(pathname);
          if (page !== undefined) send(response, 200, types[".html"]!, withReload(withProblems(page)));
          else serveFile(request.url, pathname, response);
        },
        () => serveFile(request.url, pathname, response),
      );
    }
    serveFile(request.url, pathname, response);
  });
  const serveFile = (requested: string | undefined, pathname: string, response: ServerResponse) => {
    const file = fileFor(pathname);
    if (file && statSync(file).isFile() && !pathname.endsWith("/") && file.endsWith(`${path.sep}index.html`) && !pathname.endsWith("index.html")) {
      // The address as it was sent, still encoded: a decoded "\\" or "//" would send the browser to another website.
      const sent = new URL(requested ?? "/", "http://preview.invalid").pathname;
      if (/^\/[\\/]|%5c|%2f/i.test(sent)) return notFound(response);
      response.writeHead(301, { location: `${sent}/` });
      return response.end();
    }
    if (!file) return notFound(response);
    const type = types[path.extname(file)] ?? "application/octet-stream";
    if (type === types[".html"]) return send(response, 200, type, withReload(withProblems(readFileSync(file, "utf8"))));
    response.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    createReadStream(file).on("error", () => response.destroy()).pipe(response);
  };
  const notFound = (response: ServerResponse) => {
    const page = fileFor(`${options.pathPrefix}404.html`);
    send(response, 404, types[".html"]!, page ? withReload(withProblems(readFileSync(page, "utf8"))) : "Not found");
  };
  // A written file by the path it is served from (the folder may be reached through a link).
  const served = (file: string) => path.join(root, path.relative(siteDir, file));
  const reload = () => {
    for (const listener of listeners) listener.write("event: rebuilt\ndata: {}\n\n");
  };
  /** Serves pages rendered ahead of a whole build; a save's are news to every open page, a page asked for is not. */
  const showAhead = ({ problems, pages, generation }: RenderedAhead, news: boolean) => {
    if (generation <= builtOf) return;
    // A page asked for as of an earlier save than those shown does not speak for the site's errors.
    if (generation >= errorsOf) {
      errors = problems.filter((p) => p.severity === "error");
      errorsOf = generation;
    }
    for (const [file, html] of pages) if ((ahead.get(served(file))?.generation ?? 0) <= generation) ahead.set(served(file), { html, generation });
    if (news) reload();
  };
  // A request the server cannot even read (a malformed request line) is answered, not left to stop the preview.
  server.on("clientError", (_error, socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}${options.pathPrefix}`,
        rebuilt(problems, written, generation) {
          // A build of an earlier save than the pages shown ahead does not speak for them.
          if (generation >= errorsOf) {
            errors = problems.filter((p) => p.severity === "error");
            errorsOf = generation;
          }
          // A build that wrote nothing (its data files have mistakes) leaves the last one, and the pages shown ahead of it, served.
          if (written) {
            builtOf = Math.max(builtOf, generation);
            current = new Set([...written].map(served));
            for (const [file, page] of ahead) if (page.generation <= generation) ahead.delete(file);
          }
          reload();
        },
        renderedAhead(problems, pages, generation) {
          showAhead({ problems, pages, generation, checked: true }, true);
        },
        close: () =>
          new Promise((done) => {
            for (const listener of listeners) listener.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
