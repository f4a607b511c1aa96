import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.0 and 2.1, A and AA rules, run in the page: one line a violation, naming the rule and the element. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Only violations are read: axe then keeps no detail of every element that passed, most of its work.
      resultTypes: ["violations"],
    }),
  );
  const path = new URL(page.url()).pathname;
  return results.violations.flatMap((v) => v.nodes.map((node) => `${path}: ${v.id} (${v.help}) at ${node.target.join(" ")}`));
}

/** Collects Content Security Policy violations from the moment the page starts loading. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener("securitypolicyviolation", (event) => found.push(`${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations ?? []);
}

export interface Weight {
  /** Bytes of HTML, CSS and JavaScript the page downloaded (search index files excluded: they load only when searching). */
  bytes: number;
  scripts: string[];
}

/** Records what a page downloads. Call before navigating; each call of what it returns weighs what loaded since the last. */
export function watchWeight(page: Page): () => Promise<Weight> {
  const pending: Promise<{ url: string; type: string; size: number }>[] = [];
  page.on("response", (response) => {
    const url = response.url();
    if (url.includes("/pagefind/")) return;
    pending.push(response.body().then((body) => ({ url, type: response.request().resourceType(), size: body.length }), () => ({ url, type: "failed", size: 0 })));
  });
  return async () => {
    const responses = await Promise.all(pending.splice(0));
    const counted = responses.filter((r) => ["document", "stylesheet", "script"].includes(r.type));
    return { bytes: counted.reduce((sum, r) => sum + r.size, 0), scripts: counted.filter((r) => r.type === "script").map((r) => new URL(r.url).pathname) };
  };
}

export const budgetBytes = 50 * 1024;
