// Japanese and Chinese news, written without spaces between words: a short report is an article (not
// "too little text"), and its summary's sentences follow each other without a space after 。, on the
// story page, the day's page, the Markdown digest and the feeds.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { build, fixtures, type Built } from "./build.ts";

interface Report {
  inputs: { path: string; status: string }[];
  stories: { id: string; title: string }[];
}

describe("stories in Japanese and Chinese", () => {
  let out: Built;
  let report: Report;
  beforeAll(async () => {
    out = await build(join(fixtures, "unspaced"));
    report = JSON.parse(out.read("build-report.json")) as Report;
  });

  it("keeps a two-paragraph Japanese report as a story", () => {
    expect(report.inputs.map((i) => [i.path, i.status]).sort()).toEqual([
      ["banyuetan-yiyang.md", "included"],
      ["yomiuri-gaza.md", "included"],
    ]);
    expect(report.stories.map((s) => s.title)).toContain("邦人１０人含む外国籍３６１人、ガザからエジプトに退避");
  });

  it("sets the summary's sentences without a space after a full stop", () => {
    const id = report.stories.find((s) => s.title.startsWith("邦人"))!.id;
    const page = out.read(`stories/${id}/index.html`);
    expect(page).toContain("エジプトに退避した。エジプト政府によると");
    const shown = [page, out.read("2023/11/02/index.html"), out.read("feed.json"), out.read("stories.xml"), out.read("stories.json")];
    shown.push(out.digest("2023-11-02"));
    for (const text of shown) expect(text).not.toMatch(/。 /);
    const zh = out.read(`stories/${report.stories.find((s) => s.title.startsWith("益阳"))!.id}/index.html`);
    expect(zh).toContain("无一不在继续书写这座山乡之城的传奇。小区居民登录手机APP");
    expect(zh).not.toMatch(/。 /);
  });
});
