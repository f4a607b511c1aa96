import type { MarkdownIt, Token } from "markdown-it";

/** Renders a named block of site data (a list of agencies, a role's duties) as HTML. */
export type BlockRenderer = (argument: string | undefined) => string;

/** What may follow a data block's colon: a name from its data file (a role), in small letters, digits and hyphens. */
export const blockArgument = /^[a-z][a-z0-9-]*$/;
export const blockPattern = new RegExp(`^\\{\\{\\s*([a-z][a-z-]*)\\s*(?::\\s*(${blockArgument.source.slice(1, -1)})\\s*)?\\}\\}$`);

/**
 * Lets a page show site data where the editor wants it, with a line of its own such as `{{ agencies }}`
 * or `{{ duties: product-owner }}`; the lists themselves stay in `_data/`, so they are written once.
 */
export function dataBlocksPlugin(md: MarkdownIt, blocks: Record<string, BlockRenderer>): void {
  md.block.ruler.before("paragraph", "data_block", (state, startLine, _endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const line = state.src.slice(start, state.eMarks[startLine]).trim();
    const match = blockPattern.exec(line);
    if (!match) return false;
    if (silent) return true;
    const token = state.push("data_block", "", 0);
    token.info = match[1]!;
    token.meta = { argument: match[2] };
    token.map = [startLine, startLine + 1];
    token.block = true;
    state.line = startLine + 1;
    return true;
  });
  // The blocks each page has shown: one shown again is an error the checks name, and is not made again meanwhile.
  const shown = new WeakMap<Token[], Set<string>>();
  md.renderer.rules.data_block = (tokens, idx) => {
    const token = tokens[idx]!;
    const render = blocks[token.info];
    // The checks name an unknown block at its line, with the nearest known one.
    if (!render) return "";
    const argument = (token.meta as { argument?: string }).argument;
    const page = shown.get(tokens) ?? shown.set(tokens, new Set()).get(tokens)!;
    const block = `${token.info}:${argument ?? ""}`;
    if (page.has(block)) return "";
    page.add(block);
    return render(argument);
  };
}
