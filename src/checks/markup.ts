import { problem, type Problem } from "../problems/problems.ts";
import { locate, type PageSource } from "./page-source.ts";

/**
 * Markdown that does not do what it looks like, and so publishes something other than what the editor sees in
 * their file: a page with no text is blank, a comment never closed hides the rest of the page, and `##Heading`
 * without its space is plain text.
 */
export function checkMarkup(page: PageSource): Problem[] {
  const problems: Problem[] = [];
  // The home layout draws its own lists; any other page with nothing below its front matter is published blank.
  if (page.data && !page.data.draft && page.data.layout !== "home" && page.tokens.length === 0) {
    problems.push(problem(page.file, Math.max(1, page.bodyLineOffset), "this page has no text below its front matter, so it would be published empty", 'write the page\'s text after the second "---" line, or add draft: true until it is written'));
  }
  for (const token of page.tokens) {
    if (!token.map) continue;
    if (token.type === "html_block" && /^\s*<!--/.test(token.content) && !token.content.includes("-->")) {
      const { line, column } = locate(page, token.map[0], "<!--");
      problems.push(problem(page.file, line, "this comment (<!--) is never closed, so everything after it, to the end of the page, is hidden", "end the comment with --> where your note ends, or remove the <!--", "error", column));
    }
    if (token.type === "inline") {
      token.content.split("\n").forEach((text, i) => {
        const heading = /^(#{2,6})([^#\s].*)$/.exec(text);
        if (!heading) return;
        const { line, column } = locate(page, token.map![0] + i, text);
        problems.push(problem(page.file, line, `"${text}" is not a heading: it needs a space after its # signs, so it shows as plain text`, `write it as "${heading[1]} ${heading[2]}"`, "error", column));
      });
    }
  }
  return problems;
}
