import { reviewStatus } from "../../model/review.ts";
import type { PageFrontMatter } from "../../schema/page.ts";
import type { TranslationRow } from "../../model/translations.ts";

interface PageLike {
  url: string;
  data: Pick<PageFrontMatter, "title" | "owner" | "last_reviewed" | "review_every">;
}

/** `/reviews.json`: every page with its owner and review dates, and every translation's state, for a reminder bot or a dashboard. */
export function reviewsJson(pages: readonly PageLike[], absoluteUrl: (url: string) => string, on: string, translations: readonly TranslationRow[] = []): string {
  const entries = pages.map((page) => {
    const status = reviewStatus(page.data, on);
    return {
      url: absoluteUrl(page.url),
      title: page.data.title,
      owner: page.data.owner ?? null,
      last_reviewed: page.data.last_reviewed ?? null,
      review_every: page.data.review_every ?? null,
      next_review: status?.due ?? null,
      overdue: status?.overdue ?? false,
    };
  });
  const states = translations.map((row) => ({
    url: absoluteUrl(row.url),
    title: row.title,
    language: row.language.tag,
    state: row.state,
    translation: row.translation ? absoluteUrl(row.translation) : null,
    behind_since: row.behindSince ?? null,
    reviewer: row.reviewer ?? null,
  }));
  return JSON.stringify({ generated: on, pages: entries, ...(states.length && { translations: states }) }, null, 2);
}
