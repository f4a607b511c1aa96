import type { SiteModel } from "../model/site.ts";

/**
 * The model as handed to another thread or process to render (npm start's whole builds, the build's rendering
 * process): its pages without their Markdown, which rendering never reads (it renders the checked HTML), and
 * which copying would spend most of its time on.
 */
export function postedModel(model: SiteModel): SiteModel {
  return { ...model, pages: model.pages.map((page) => ({ ...page, text: "", page: page.page && { ...page.page, body: "" } })) };
}
