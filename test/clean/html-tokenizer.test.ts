import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { SkippingTokenizer, skipping } from "../../src/clean/html-tokenizer.ts";
import { gzippedPages } from "../gzipped-pages.ts";

/** Every callback a tokenizer makes on `html`, with its arguments, in order (SVG and MathML tracked as dom.ts does). */
function events(T: typeof Tokenizer, html: string): string[] {
  const out: string[] = [];
  let foreign = 0;
  const log =
    (name: string) =>
    (...args: unknown[]): void => {
      out.push(`${name} ${args.join(",")}`);
    };
  const cbs: TokenizerCallbacks = {
    onattribdata: log("attribdata"),
    onattribentity: log("attribentity"),
    onattribend: log("attribend"),
    onattribname: log("attribname"),
    oncdata: log("cdata"),
    onclosetag(s, e) {
      out.push(`closetag ${s},${e}`);
      if (/^(svg|math)$/i.test(html.slice(s, e))) foreign = Math.max(0, foreign - 1);
    },
    oncomment: log("comment"),
    ondeclaration: log("declaration"),
    onend: log("end"),
    onopentagend: log("opentagend"),
    onopentagname(s, e) {
      out.push(`opentagname ${s},${e}`);
      if (/^(svg|math)$/i.test(html.slice(s, e))) foreign++;
    },
    onprocessinginstruction: log("processinginstruction"),
    onselfclosingtag: log("selfclosingtag"),
    ontext: log("text"),
    ontextentity: log("textentity"),
    isInForeignContext: () => foreign > 0,
  };
  const t = new T({ decodeEntities: true }, cbs);
  t.write(html);
  t.end();
  return out;
}

describe("skipping tokenizer", () => {
  it("has its skips on with the htmlparser2 the project installs (its self-check on loading passed)", () => {
    expect(skipping).toBe(true);
  });

  it("makes htmlparser2's callbacks, offsets and order on saved news pages", () => {
    const pages = [...gzippedPages("test/fixtures/dates"), ...gzippedPages("test/fixtures/fetch/pages"), readFileSync("test/fixtures/outlets/albawaba.html", "utf8")];
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(events(SkippingTokenizer, page)).toEqual(events(Tokenizer, page));
  });

  it.each([
    ["entities in text and attributes", `a &amp b &lt;c&gt; &#x41; &#65 &notit; &notin; d<p class="x&amp;y" id='q&quot;' data=a&amp;b>t</p>`],
    ["end tags inside scripts", `<script>if (a<b) x = '</scr' + 'ipt>'; </script  ><style>p{}</style>`],
    ["entities in RCDATA", `<title>A &amp; B</title><textarea>x &lt; y</textarea>`],
    ["comments, doctypes, CDATA and processing instructions", `<!-- c -- > --!> --><!---><!--><!doctype html><!DOCTYPE x><![CDATA[ x ]]><?php x ?>`],
    ["self-closing tags and foreign content", `<a href=x/>y</a ><br/><svg><title>t</title><![CDATA[z]]></svg>`],
    ["a control character where a tag opens", `<script>\u001c/script>x</script><scri<pt>`],
    ["white space of every kind inside tags", `<a\tb\n="c"\fd\re>x</a\n>`],
    ["upper-case names and unquoted values", `<A HREF="x" CLASS=Y>z</A><P =x></P >< /p>`],
    ["quoted values full of entities, and quotes of the other kind inside them", `<div data-j="{&quot;a&quot;:&quot;x's&quot;,&quot;b&quot;:[1,2]}" title='say "hi" &amp; go' alt="it's &lt;b&gt;"><a b='&#39;q&#39;' c="'" d='"'>t</a></div><p e="&amp;">u</p><q f='x&amp;y' g="z">v</q>`],
    ["plaintext and the other raw-text elements", `<iframe>x</iframe><xmp>a<b></xmp><noembed>q</noembed><noframes>r</noframes><plaintext>a<b>c`],
  ])("makes htmlparser2's callbacks on %s", (_name, html) => {
    expect(events(SkippingTokenizer, html)).toEqual(events(Tokenizer, html));
  });

  it.each(["<a b", "<a b='", "<a b=\"x", "<!--", "<![CDATA[x", "</", "<", "&", "&am", "text & more &", "<p class", "</p"])("ends as htmlparser2 does on a page cut short: %s", (html) => {
    expect(events(SkippingTokenizer, html)).toEqual(events(Tokenizer, html));
  });

  it("makes htmlparser2's callbacks on thousands of scrambled pieces of markup", () => {
    const pieces = ["<", ">", "&", "/", "=", '"', "'", " ", "\n", "a", "p", "script", "style", "title", "textarea", "!", "-", "?", "[", "]", "#", ";", "amp", "x", "1", "svg", "\u001c", "CDATA[", "<!--", "-->", "</script>", "<script>", "</title>", "<title>"];
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
    for (let k = 0; k < 5000; k++) {
      let html = "";
      for (let n = 1 + Math.floor(next() * 40); n > 0; n--) html += pieces[Math.floor(next() * pieces.length)];
      expect(events(SkippingTokenizer, html), html).toEqual(events(Tokenizer, html));
    }
  });
});
