// The search page: results as the reader types, narrowed by section, from the Pagefind index built with the site.
// Loaded on /search/ only; every other page reads without JavaScript.

const siteRoot = new URL("../", import.meta.url);
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const fallback = document.getElementById("search-fallback");

// The page's words, in its language, from the strings file the layouts use (see _includes/strings/).
const strings = JSON.parse(form.dataset.strings);
const say = (name, values = {}) => strings[name].replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// A large site's index is built in parts (see src/search.ts); the first part lists the others.
const [pagefind, parts] = await Promise.all([
  import(new URL("pagefind/pagefind.js", siteRoot).href),
  fetch(new URL("pagefind/parts.json", siteRoot)).then((response) => response.json()),
]);
await pagefind.options({ baseUrl: siteRoot.pathname });
await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(`pagefind/${part}`, siteRoot).pathname, { baseUrl: siteRoot.pathname })));
fallback.hidden = true;

// The filters, listed at build time so that no part of the index loads before the reader searches.
form.querySelector("button").before(document.getElementById("search-filters").content.cloneNode(true));
const filterSelects = [...form.querySelectorAll("select[data-filter]")];

const params = new URLSearchParams(location.search);
// What the reader typed while the index loaded wins over the address.
if (!input.value) input.value = params.get("q") ?? "";
for (const select of filterSelects) select.value = params.get(select.name) ?? "";

/**
 * The excerpt of a result, its matched words marked, as text. Pagefind's excerpt is HTML that escapes the page's
 * < and > but not its &, so read as HTML, a code the page shows as written (&#x202E;) would become the character
 * itself, and "&lt;" shown as written would become "<". So its words are found in the page's own text, which
 * Pagefind splits into words as it does for the excerpt, and those are shown. Text Pagefind splits at zero-width
 * spaces instead (languages written without spaces) is shown from the excerpt, with only its < and > turned back.
 */
function excerpt(data) {
  const shown = data.excerpt.split(" ");
  const plain = (word) => word.replace(/<\/?mark>/g, "");
  const escaped = (word) => word.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const words = data.content.includes("\u200B") ? [] : data.content.split(/[\r\n\s]+/g);
  let start = 0;
  while (start + shown.length <= words.length && !shown.every((word, i) => plain(word) === escaped(words[start + i]))) start++;
  const found = start + shown.length <= words.length;
  const paragraph = element("p", { class: "search-excerpt" });
  shown.forEach((word, i) => {
    const text = found ? words[start + i] : plain(word).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    paragraph.append(i ? " " : "", word.startsWith("<mark>") ? element("mark", {}, [text]) : text);
  });
  return paragraph;
}

function renderResult(data) {
  const item = element("li", { class: "search-result" }, [
    element("h2", { class: "search-result-title" }, [element("a", { href: data.url }, [data.meta.title ?? data.url])]),
  ]);
  if (data.meta.section) item.append(element("p", { class: "search-result-section" }, [data.meta.section]));
  item.append(excerpt(data));
  // The sections where the words matched most, in page order.
  const headings = (data.sub_results ?? [])
    .filter((sub) => sub.url.includes("#") && sub.locations?.length)
    .sort((a, b) => b.locations.length - a.locations.length)
    .slice(0, 3)
    .sort((a, b) => a.locations[0] - b.locations[0]);
  if (headings.length) {
    item.append(element("ul", { class: "search-subresults" }, headings.map((sub) => element("li", {}, [element("a", { href: sub.url }, [sub.title])]))));
  }
  return item;
}

let latest = 0;

async function runSearch() {
  const query = input.value.trim();
  const chosen = Object.fromEntries(filterSelects.filter((select) => select.value).map((select) => [select.dataset.filter, select.value]));
  const url = new URL(location.href);
  url.search = new URLSearchParams({ ...(query && { q: query }), ...chosen }).toString();
  history.replaceState(null, "", url);
  const ticket = ++latest;
  if (!query) {
    results.replaceChildren();
    moreButton.remove();
    status.textContent = "";
    return;
  }
  const search = await pagefind.debouncedSearch(query, { filters: chosen }, 200);
  if (search === null || ticket !== latest) return;
  results.replaceChildren();
  await showMore(search.results, ticket);
  if (ticket !== latest) return;
  const count = search.results.length;
  const filters = Object.values(chosen);
  const name = `search_${count === 0 ? "no_results" : count === 1 ? "one_result" : "results"}${filters.length ? "_in" : ""}`;
  // 1,234 in English, 1234 or 1.234 in Spanish: as the page's language writes numbers.
  status.textContent = say(name, { count: count.toLocaleString(document.documentElement.lang), query, filters: filters.join(", ") });
}

const pageSize = 10;
const moreButton = element("button", { type: "button", class: "search-more" }, [say("search_more")]);

/** Results load ten at a time: each one fetches its own small piece of the index. */
async function showMore(all, ticket) {
  const start = results.children.length;
  const found = await Promise.all(all.slice(start, start + pageSize).map((result) => result.data()));
  if (ticket !== latest) return;
  results.append(...found.map(renderResult));
  if (results.children.length < all.length) {
    moreButton.onclick = async () => {
      const firstNew = results.children.length;
      await showMore(all, ticket);
      results.children[firstNew]?.querySelector("a")?.focus();
    };
    results.after(moreButton);
  } else moreButton.remove();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  runSearch();
});
input.addEventListener("input", runSearch);
for (const select of filterSelects) select.addEventListener("change", runSearch);
if (input.value) runSearch();
