// The baseline: Eleventy with markdown-it and one plain layout, no checks, no data, no search index.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "bare.njk");
  eleventyConfig.addLayoutAlias("home", "bare.njk");
  return { dir: { includes: "../bare-includes", data: "_nothing" }, markdownTemplateEngine: false, templateFormats: ["md"] };
}
