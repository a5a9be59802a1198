// A page's <title> and meta description have no <bdi>: a headline's bidi override left open there turns
// the " · Digest" after it in a browser tab, a bookmark or a search result.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { build, fixtures, type Built } from "./build.ts";

const FSI = "\u2068";
const PDI = "\u2069";

interface Report {
  stories: { id: string; title: string; path?: string }[];
}

describe("a story whose headline leaves a bidi override open", () => {
  let out: Built;
  let page: string;
  beforeAll(async () => {
    out = await build(join(fixtures, "feed-bidi"));
    const report = JSON.parse(out.read("build-report.json")) as Report;
    const story = report.stories.find((s) => s.title.startsWith("Election"))!;
    page = out.read(`stories/${story.id}/index.html`);
  });

  it("keeps the override inside the headline in the page's <title>, before the site's name", () => {
    const title = /<title>([^<]*)<\/title>/.exec(page)![1];
    expect(title).toBe(`${FSI}Election \u202eresults announced in the capital\u202c${PDI} · Digest`);
  });

  it("drops a stray closer, and leaves an Arabic headline without controls as it is", () => {
    const report = JSON.parse(out.read("build-report.json")) as Report;
    const stray = report.stories.find((s) => s.title.startsWith("Studentenwohnheim"))!;
    expect(out.read(`stories/${stray.id}/index.html`)).toContain("<title>Studentenwohnheim rents rise by a fifth in Marburg · Digest</title>");
    const arabic = report.stories.find((s) => s.title.startsWith("افتتاح"))!;
    expect(out.read(`stories/${arabic.id}/index.html`)).toContain(`<title>${arabic.title} · Digest</title>`);
  });
});
