import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { escapeMarkdown, safeUrl } from "../../src/digest/markdown-escape.ts";
import { dayPath, groupByDay, renderDigests } from "../../src/digest/index.ts";
import { headingIds } from "../../src/site/heading-ids.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

const md = new MarkdownIt({ html: false });
md.use(headingIds);

function member(path: string, extra: Partial<ResolvedArticle> = {}): ResolvedArticle {
  return {
    path, format: "text", raw: "p", title: `Title of ${path}`, paragraphs: ["p"], meta: emptyMeta(), context: "", mtime: new Date(0), messages: [],
    evidence: { date: "2025-05-29", dateSource: "metadata-line", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-05-29" },
    date: "2025-05-29", dateSource: "metadata-line", ...extra,
  };
}

function story(id: string, date: string, title: string, extra: Partial<Story> = {}): Story {
  return { id, date, title, members: [member(`${id}.txt`)], summary: ["First sentence.", "Second one."], followUpOf: null, ...extra };
}

describe("Markdown escaping", () => {
  it("renders hostile article text as text, never as markup", () => {
    const hostile = `<script>alert(1)</script> *bold* [link](javascript:alert(1)) <img src=x onerror=alert(2)> {#s-0123456789} & 1. # x`;
    const html = md.render(`${escapeMarkdown(hostile)}\n`);
    expect(html).not.toMatch(/<script|<img|<a |<em>|<strong>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("*bold*");
    expect(html).toContain("&amp; 1. # x");
  });

  it("keeps a heading that starts like a list or a heading as plain text", () => {
    expect(md.render(escapeMarkdown("1. Not a list"))).toBe("<p>1. Not a list</p>\n");
    expect(md.render(escapeMarkdown("# Not a heading"))).toBe("<p># Not a heading</p>\n");
    expect(md.render(escapeMarkdown("- not a bullet"))).toBe("<p>- not a bullet</p>\n");
  });

  it("only links http(s) URLs", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("https://example.org/a (b)")).toBeNull();
    expect(safeUrl("https://example.org/a_(b)")).toBe("https://example.org/a_%28b%29");
  });
});

describe("daily digests", () => {
  const may = story("s-aaaaaaaaaa", "2025-05-29", "Serbia <accused> of *arms* sales");
  const june = story("s-bbbbbbbbbb", "2025-06-23", "A follow-up", { followUpOf: "s-aaaaaaaaaa" });

  it("writes one file per day, newest first, listing its story ids in front matter", () => {
    const files = renderDigests([may, june]);
    expect(files.map((f) => f.fileName)).toEqual(["2025-06-23.md", "2025-05-29.md"]);
    expect(files[1]!.markdown).toMatch(/^---\ndate: 2025-05-29\ntitle: "Digest for Thursday 29 May 2025"\nstories:\n  - s-aaaaaaaaaa\n---\n/);
  });

  it("gives each story a heading with its id as anchor, its summary and its sources", () => {
    const [, mayFile] = renderDigests([may, june]);
    const html = md.render(mayFile!.markdown.replace(/^---[\s\S]*?---\n/, ""));
    expect(html).toContain('<h2 id="s-aaaaaaaaaa">Serbia &lt;accused&gt; of *arms* sales</h2>');
    expect(html).toContain("<p>First sentence. Second one.</p>");
    expect(html).toContain("Sources: “Title of s-aaaaaaaaaa.txt”");
  });

  it("links a follow-up to the earlier story's day page and anchor", () => {
    const [juneFile] = renderDigests([may, june]);
    expect(juneFile!.markdown).toContain(`Follow-up to [Serbia \\<accused\\> of \\*arms\\* sales](${dayPath("2025-05-29")}#s-aaaaaaaaaa)`);
  });

  it("orders stories within a day by how many outlets covered them", () => {
    const big = story("s-cccccccccc", "2025-05-29", "Zebra", { members: [member("x.txt"), member("y.txt")] });
    expect(groupByDay([may, big])[0]!.stories.map((s) => s.id)).toEqual(["s-cccccccccc", "s-aaaaaaaaaa"]);
  });
});
