import { reviewStatus } from "../../model/review.ts";
import type { PageFrontMatter } from "../../schema/page.ts";

interface PageLike {
  url: string;
  data: Pick<PageFrontMatter, "title" | "owner" | "last_reviewed" | "review_every">;
}

/** `/reviews.json`: every page with its owner and review dates, for a reminder bot or a dashboard. */
export function reviewsJson(pages: readonly PageLike[], absoluteUrl: (url: string) => string, on: string): string {
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
  return JSON.stringify({ generated: on, pages: entries }, null, 2);
}
