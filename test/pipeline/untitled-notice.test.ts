// A page whose whole text is a notice ("doesn't work properly without JavaScript enabled") holds no
// article: the build must not publish it as a story headed by the notice's opening words, and must say
// in its report which file it refused and why. An untitled real article is still published.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { cleanArticle } from "../../src/pipeline/article.ts";
import { rulesWithout } from "../../src/clean/index.ts";

const { files } = await ingest(join(import.meta.dirname, "../fixtures/notice-untitled"));
const result = runPipeline(files, { zone: "UTC" });
const NOTICE = "dates-dev-aff936000bede636.txt";

describe("a text dump that is only an app's 'enable JavaScript' notice (dates-dev aff936000bede636)", () => {
  it("is not published as a story", () => {
    const headlines = result.stories.map((s) => s.title);
    expect(headlines.some((h) => /JavaScript|sorry/i.test(h))).toBe(false);
    expect(result.stories).toHaveLength(1);
  });

  // Since stop 66 the text article gate, trained with dates-dev's notice dumps as furniture, refuses it first;
  // the untitled-notice rule stays behind it for a notice the gate lets through.
  it("is in the build report, refused for a reason a reader understands, naming the file", () => {
    const refused = result.rejected.find((r) => r.path.endsWith(NOTICE));
    expect(refused?.stage).toBe("clean");
    expect(["no-article", "untitled-notice"]).toContain(refused!.rule);
    expect(refused!.reason).toMatch(/^no article (text )?found: .*notice/);
    const record = result.messages.find((m) => m.file.endsWith(NOTICE) && m.level === "error");
    expect(record).toMatchObject({ stage: "clean", rule: refused!.rule });
  });

  it("is refused by the untitled-notice rule where the article gate lets it through", () => {
    const file = files.find((f) => f.path.endsWith(NOTICE))!;
    const outcome = cleanArticle(file, rulesWithout("article-gate"));
    expect("rejected" in outcome && outcome.rejected).toMatchObject({ stage: "clean", rule: "untitled-notice" });
    expect("rejected" in outcome && outcome.rejected.reason).toMatch(/no article found: no headline and only one short paragraph \(\d+ words\)/);
  });

  it("leaves an untitled real article published, headed by its opening words", () => {
    expect(result.stories.filter((s) => /^Quarterly profits at US media giant TimeWarner/.test(s.title))).toHaveLength(1);
  });
});
