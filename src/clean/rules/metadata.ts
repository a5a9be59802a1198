import type { CleanRule } from "./types.ts";
import { dropLine } from "../doc.ts";

const KEYS: Record<string, "date" | "url" | "source" | "author" | "title"> = {
  date: "date",
  published: "date",
  url: "url",
  link: "url",
  source: "source",
  author: "author",
  by: "author",
  title: "title",
};

/**
 * Scrapers often put `date 2025-05-29` or `url: https://…` on the first lines. The value is taken
 * into the metadata and the line removed; any menu words glued after an ISO date go with it.
 */
export const metadataLines: CleanRule = {
  name: "metadata-lines",
  apply(doc) {
    for (let i = 0; i < Math.min(doc.lines.length, 6); i++) {
      const line = doc.lines[i]!;
      const m = /^(date|published|url|link|source|author|by|title)\s*[:=]?\s+(.+)$/i.exec(line.text);
      if (!m) break;
      const key = KEYS[m[1]!.toLowerCase()]!;
      const value = m[2]!.trim();
      if (key === "date") {
        const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/.exec(value);
        if (!iso) break;
        doc.meta.date ??= iso[1]!;
        doc.meta.dateOrigin ??= "metadata-line";
      } else if (key === "url") {
        if (!/^https?:\/\/\S+$/.test(value)) break;
        doc.meta.url ??= value;
      } else {
        doc.meta[key] ??= value;
      }
      dropLine(doc, i, "metadata-lines");
    }
  },
};
