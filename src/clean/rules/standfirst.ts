// The article's head on a text dump. The headline found above the located run (rules/title.ts) marks
// where the article starts, so what lies between the two is the article's own head (standfirst,
// byline, date, photo credit, share row), not other content. The run's growth upwards (rules/locate.ts)
// stops at a stretch of furniture costing more than its patience, which the byline, date and share row
// under a standfirst often do; the prose lines of the head that reach the inner cut come back here,
// as they would inside the run. Measured in train/try-head.ts.
import type { CleanRule } from "./types.ts";

export const keepHead: CleanRule = {
  name: "keep-head",
  apply(doc) {
    if (doc.noArticle || doc.title < 0 || doc.title + 1 >= doc.start) return;
    let first = -1;
    for (const i of doc.head) {
      const line = doc.lines[i]!;
      if (i <= doc.title || line.drop !== "page-header") continue;
      line.drop = null;
      if (first < 0) first = i;
    }
    if (first >= 0) doc.start = first;
  },
};
