import { describe, expect, it } from "vitest";
import { NOTICE_HTML_PAGES } from "../../eval/lib/notice-html-pages.ts";
import { NOTICE_PAGES } from "../../eval/lib/notice-pages.ts";
import { halfOf } from "../../eval/lib/split.ts";

describe("HTML notice pages of eval:notices", () => {
  const written = NOTICE_HTML_PAGES.filter((n) => n.group === "written");

  it("splits the written pages by their id's hash into the slots the file names: 14 tuning, 16 checking", () => {
    const slots = (half: string) => written.filter((n) => n.half === half).map((n) => Number(n.id.slice(-2))).sort((a, b) => a - b);
    expect(slots("tune")).toEqual([1, 2, 3, 5, 8, 9, 10, 13, 14, 19, 23, 24, 26, 30]);
    expect(slots("check")).toEqual([4, 6, 7, 11, 12, 15, 16, 17, 18, 20, 21, 22, 25, 27, 28, 29]);
    for (const n of written) expect(n.half, n.id).toBe(halfOf(n.id));
  });

  it("serves each text notice in the text notice's own half, so its words never cross halves", () => {
    const served = NOTICE_HTML_PAGES.filter((n) => n.group === "served");
    expect(served).toHaveLength(NOTICE_PAGES.length);
    for (const n of NOTICE_PAGES) expect(served.find((s) => s.id === `served-${n.id}`)?.half, n.id).toBe(n.half);
  });

  it("writes every page as a whole HTML document, a served notice's words escaped as text", () => {
    for (const n of NOTICE_HTML_PAGES) expect(n.html, n.id).toMatch(/<\/html>\s*$/);
    const press = NOTICE_HTML_PAGES.find((n) => n.group === "served" && n.html.includes("Press &amp; Hold"));
    expect(press).toBeDefined();
    expect(press!.html).not.toMatch(/Press & Hold/);
  });
});
