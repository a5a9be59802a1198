// What cleaning reports beside the text: the lines each rule removed, counted by rule (src/clean/text.ts `finish`).
import { describe, expect, it } from "vitest";
import { cleanText, emptyMeta } from "../../src/clean/text.ts";
import { dropLine } from "../../src/clean/doc.ts";
import type { CleanRule } from "../../src/clean/rules/types.ts";

/** A rule that drops the kept lines whose text starts with `prefix`. */
const dropping = (name: string, prefix: string): CleanRule => ({
  name,
  apply(doc) {
    doc.lines.forEach((l, i) => {
      if (l.text.startsWith(prefix)) dropLine(doc, i, name);
    });
  },
});

describe("the lines the rules removed", () => {
  it("are counted by rule, in the order each rule first removed a line down the page, and kept as the context", () => {
    // Down the page the drops read share, menu, share, ad, menu, menu: three names, interleaved, one of them in a run.
    const text = ["Share this", "Menu: Home", "The council met on Tuesday.", "Share on X", "Ad: Buy now", "Menu: Sport", "Menu: News", "It voted to close the road."].join("\n");
    const rules = [dropping("ads", "Ad:"), dropping("menus", "Menu:"), dropping("share", "Share")];
    const result = cleanText("page.txt", text, emptyMeta(), rules);
    expect(Object.entries(result.dropped)).toEqual([
      ["share", 2],
      ["menus", 3],
      ["ads", 1],
    ]);
    expect(result.context).toBe("Share this\nMenu: Home\nShare on X\nAd: Buy now\nMenu: Sport\nMenu: News");
  });

  it("are counted for no rule when none removed a line", () => {
    const result = cleanText("page.txt", "The council met on Tuesday.\nIt voted to close the road.", emptyMeta(), [dropping("ads", "Ad:")]);
    expect(result.dropped).toEqual({});
    expect(result.context).toBe("");
  });
});
