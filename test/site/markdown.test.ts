// The digest Markdown renderer: article text stays text, story ids become anchors, credits are grouped.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/site/markdown.ts";
import { escapeMarkdown } from "../../src/digest/markdown-escape.ts";
import { ABSOLUTE_BASE } from "../../src/site/links.ts";
import { DIGEST_DATE } from "../../src/site/story-sections.ts";

const md = createMarkdown();
const site = { baseUrl: "https://digest.example.org/" };

describe("digest Markdown", () => {
  it("renders raw HTML and escaped article text as text", () => {
    expect(md.render("<script>window.__pwned=1</script>\n\n<img src=x onerror=\"window.__pwned=2\">")).toBe(
      "<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;</p>\n",
    );
    const title = 'Tom & Jerry <3 **not bold** [not a link](javascript:alert(1)) {#s-0123abcdef}';
    const html = md.render(`## ${escapeMarkdown(title)} {#s-fedcba9876}`);
    expect(html).toContain('<h2 id="s-fedcba9876">Tom &amp; Jerry &lt;3 **not bold** [not a link](javascript:alert(1)) {#s-0123abcdef}</h2>');
  });

  it("only reads Digest's own story-id shape as a heading id", () => {
    expect(md.render('## Title {#x" onclick="y}')).toContain('<h2>Title {#x&quot; onclick=&quot;y}</h2>');
    expect(md.render("## Title {#s-0123456789}")).toContain('<h2 id="s-0123456789">Title</h2>');
  });

  it("drops control characters", () => {
    expect(md.render("bell\u0007 and \u001b escape\u0000")).toBe("<p>bell and  escape</p>\n");
  });

  it("wraps each story in an article with its date and permalink", () => {
    const html = md.render("## One {#s-0123456789}\n\nText.\n\n## Two {#s-9876543210}\n", { site, [DIGEST_DATE]: "2025-03-15" });
    expect(html).toBe(
      [
        '<article class="story" aria-labelledby="s-0123456789">',
        '<h2 id="s-0123456789">One</h2>',
        '<p class="story-meta"><time datetime="2025-03-15">Saturday 15 March 2025</time> · <a href="/2025/03/15/#s-0123456789">Link to this story</a></p>',
        "<p>Text.</p>",
        "</article>",
        '<article class="story" aria-labelledby="s-9876543210">',
        '<h2 id="s-9876543210">Two</h2>',
        '<p class="story-meta"><time datetime="2025-03-15">Saturday 15 March 2025</time> · <a href="/2025/03/15/#s-9876543210">Link to this story</a></p>',
        "</article>",
        "",
      ].join("\n"),
    );
  });

  it("keeps root-relative links under the site's path, or makes them absolute for feeds", () => {
    const src = "Follow-up to [Earlier](/2025/03/14/#s-0123456789)";
    expect(md.render(src, { site: { baseUrl: "https://example.org/news/" } })).toContain('href="/news/2025/03/14/#s-0123456789"');
    expect(md.render(src, { site, [ABSOLUTE_BASE]: "https://example.org/news/" })).toContain('href="https://example.org/news/2025/03/14/#s-0123456789"');
  });
});

describe("source credits", () => {
  it("lists up to five outlets in one line, headline credits with commas kept whole", () => {
    const html = md.render(`Sources: [A \\& B](https://a.example/x?y=1&z=2), “Serbia sold arms via Bulgaria, Czech Republic”, c.example`);
    expect(html).toBe('<p class="sources">Sources: <a href="https://a.example/x?y=1&amp;z=2">A &amp; B</a>, “Serbia sold arms via Bulgaria, Czech Republic”, c.example</p>\n');
  });

  it("folds all but three behind “and N other outlets” when there are more than five", () => {
    const names = ["One", "Two", "Three", "Four", "Five", "Six"];
    const html = md.render(`Sources: ${names.map((n) => `[${n}](https://${n.toLowerCase()}.example/)`).join(", ")}`);
    expect(html).toBe(
      '<div class="sources"><p>Sources: <a href="https://one.example/">One</a>, <a href="https://two.example/">Two</a>, <a href="https://three.example/">Three</a></p>' +
        '<details><summary>and 3 other outlets</summary><ul><li><a href="https://four.example/">Four</a></li><li><a href="https://five.example/">Five</a></li><li><a href="https://six.example/">Six</a></li></ul></details></div>\n',
    );
  });

  it("leaves a paragraph it cannot read as credits to markdown-it", () => {
    expect(md.render("Sources: *emphasis* here")).toBe("<p>Sources: <em>emphasis</em> here</p>\n");
  });
});
