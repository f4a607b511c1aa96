import type { StringName } from "../../schema/strings.ts";
import type { Words } from "../strings.ts";
import { shownLicenses, usageWords, type Catalog, type CatalogRelease, type Usage } from "./catalog.ts";
import { escapeHtml as escape } from "../escape-html.ts";

/** The charts, each with its CSV file at /metrics/<id>.csv. */
export const chartIds = ["releases-by-agency", "usage", "licenses", "languages", "freshness"] as const;

export interface Chart {
  id: (typeof chartIds)[number];
  title: string;
  /** What a row is, the first column's heading. */
  label: string;
  /** What a row counts, the second column's heading. */
  valueLabel: string;
  rows: { label: string; value: number }[];
}

/** The largest counts, most first, and the rest summed as "Others": a chart of 200 bars says nothing. */
function largest(counts: Iterable<[string, number]>, others: string, top = 10): { label: string; value: number }[] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, top).map(([label, value]) => ({ label, value }));
  const rest = sorted.slice(top).reduce((sum, [, value]) => sum + value, 0);
  return rest ? [...shown, { label: others, value: rest }] : shown;
}

function countBy(releases: readonly CatalogRelease[], keys: (release: CatalogRelease) => string[], others: string, top = 10): { label: string; value: number }[] {
  const counts = new Map<string, number>();
  for (const release of releases) for (const key of keys(release)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return largest(counts, others, top);
}

/** The participation metrics, each as a chart with the numbers behind it, in the words of the site's language. */
export function metrics(catalog: Catalog, words: Words): Chart[] {
  const { releases } = catalog;
  const others = words("catalog_others");
  const none = words("catalog_none_given");
  const chart = (id: Chart["id"], title: StringName, label: StringName, rows: Chart["rows"]): Chart => ({ id, title: words(title), label: words(label), valueLabel: words("catalog_releases"), rows });
  return [
    chart("releases-by-agency", "chart_releases_by_agency", "catalog_agency", largest(catalog.agencies.map((a) => [a.acronym, a.releases.length]), words("catalog_other_agencies"))),
    chart("usage", "chart_usage", "catalog_use", (Object.keys(usageWords) as Usage[]).map((usage) => ({ label: words(usageWords[usage]), value: releases.filter((r) => r.usage === usage).length }))),
    chart("licenses", "chart_licenses", "catalog_license", countBy(releases, (r) => shownLicenses(r, words), others)),
    chart("languages", "chart_languages", "catalog_language", countBy(releases, (r) => (r.languages.length ? r.languages : [none]), others)),
    chart("freshness", "chart_freshness", "catalog_year", countBy(releases, (r) => [r.metadataLastUpdated?.slice(0, 4) ?? words("catalog_never")], others, 100).sort((a, b) => a.label.localeCompare(b.label))),
  ];
}

/** Per agency: its releases, and the share released as open source, for government-wide reuse or exempt. */
export function agencyShares(catalog: Catalog): { name: string; url: string; releases: number; openSource: number; reuse: number; exempt: number; lastUpdated?: string }[] {
  return catalog.agencies.map((agency) => {
    const count = (usage: Usage) => agency.releases.filter((r) => r.usage === usage).length;
    const dates = agency.releases.map((r) => r.metadataLastUpdated).filter((d): d is string => Boolean(d)).sort();
    return { name: agency.name, url: agency.url, releases: agency.releases.length, openSource: count("openSource"), reuse: count("governmentWideReuse"), exempt: count("exempt"), lastUpdated: dates.at(-1) };
  });
}

/**
 * One CSV cell. A spreadsheet runs a cell starting with =, +, -, @, a tab or a carriage return as a formula, and
 * labels come from agencies' inventories (a license named '=HYPERLINK(…)'): a leading ' keeps such a cell text
 * (OWASP's advice on CSV injection). Counts are ours, and stay numbers.
 */
function cell(value: string | number): string {
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A chart's numbers as CSV, for a spreadsheet. */
export function chartCsv(chart: Chart): string {
  return [[chart.label, chart.valueLabel], ...chart.rows.map((r) => [r.label, r.value])].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

/** A horizontal bar chart drawn at build time: no script, readable by screen readers through its title and the table beside it. */
export function chartSvg(chart: Chart): string {
  const rowHeight = 28;
  // Wide enough for the longest label at 14px (about 8px a character at most): an SVG clips what overflows it.
  const labelWidth = 16 + 8 * Math.max(8, ...chart.rows.map((r) => r.label.length));
  const barWidth = 300;
  const max = Math.max(1, ...chart.rows.map((r) => r.value));
  const height = chart.rows.length * rowHeight + 8;
  const bars = chart.rows
    .map((row, i) => {
      const y = i * rowHeight + 4;
      const width = Math.round((row.value / max) * barWidth);
      return (
        `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escape(row.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="${rowHeight - 8}" data-value="${row.value}"></rect>` +
        `<text x="${labelWidth + width + 6}" y="${y + 17}">${row.value}</text>`
      );
    })
    .join("");
  return `<svg class="chart" role="img" aria-labelledby="chart-${chart.id}-title" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" xmlns="http://www.w3.org/2000/svg"><title id="chart-${chart.id}-title">${escape(chart.title)}</title>${bars}</svg>`;
}
