import { problem, type Problem } from "../problems/problems.ts";
import { didYouMean } from "../problems/suggest.ts";
import type { PageSource } from "./page-source.ts";

/** Data blocks (`{{ agencies }}`) name blocks that exist. */
export function checkDataBlocks(page: PageSource, blockNames: readonly string[]): Problem[] {
  return page.tokens
    .filter((token) => token.type === "data_block" && !blockNames.includes(token.info))
    .map((token) => {
      const guess = didYouMean(token.info, blockNames);
      return problem(
        page.file,
        page.bodyLineOffset + (token.map?.[0] ?? 0) + 1,
        `there is no data block called "${token.info}"`,
        guess ? `did you mean "{{ ${guess} }}"?` : `use one of: ${blockNames.join(", ")}`,
      );
    });
}
