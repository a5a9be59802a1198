// The copy step's work carried between builds (src/pipeline/copies.ts): each article's sketch is made once, with
// its terms, in the per-article step (and so cached with them), and the verdicts of the pairs one build compared
// word by word are handed to the next, which compares only pairs it holds no verdict for. The page is the
// tuning-half dates-dev page test/pipeline/copies.test.ts uses, saved as its HTML (JSON-LD: 2016-02-08) and as its
// text dump (a visible date line: 2018-03-26).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { prepareArticle } from "../../src/pipeline/article.ts";
import { dateCopies, type CopyVerdicts } from "../../src/pipeline/copies.ts";
import type { DatedArticle, SourceFile } from "../../src/types.ts";

const dir = join(import.meta.dirname, "../fixtures/copies");
const mtime = new Date(Date.UTC(2026, 10, 20, 12));
const html: SourceFile = { path: "page.html", format: "html", text: gunzipSync(readFileSync(join(dir, "dates-c32c42113ee5b7e7.html.gz"))).toString("utf8"), encoding: "utf-8", mtime };
const dump: SourceFile = { path: "page.txt", format: "text", text: readFileSync(join(dir, "dates-c32c42113ee5b7e7.txt"), "utf8"), encoding: "utf-8", mtime };
const short: SourceFile = { path: "short.txt", format: "text", text: "Ferry strike ends\n\nThe ferry workers in Dover went back to work on Monday after the union and the operator agreed on pay.\n", encoding: "utf-8", mtime };

const prepared = (file: SourceFile): DatedArticle => {
  const outcome = prepareArticle(file, { zone: "UTC" });
  if (!("article" in outcome)) throw new Error(`${file.path}: ${outcome.rejected.reason}`);
  return outcome.article;
};
const [page, text, note] = [prepared(html), prepared(dump), prepared(short)];
const days = (r: ReturnType<typeof dateCopies>) => r.articles.map((a) => `${a.path} ${a.evidence.date} ${a.evidence.dateSource}`);

describe("the sketch made with the terms", () => {
  it("is carried by every article with enough words, and none by a short one", () => {
    expect(page.copySketch).toMatch(/^[A-Za-z0-9+/]{171}=$/);
    expect(text.copySketch).toMatch(/^[A-Za-z0-9+/]{171}=$/);
    expect(note.copySketch).toBeNull();
  });

  it("finds the copies the terms do: the dump dated as the page", () => {
    const carried = dateCopies([page, text, note]);
    const worked = dateCopies([page, text, note].map(({ copySketch: _, ...a }) => a as DatedArticle));
    expect(days(carried)).toEqual(days(worked));
    expect(days(carried)).toContain("page.txt 2016-02-08 copy");
  });

  it("is worked out from the terms when what the article carries does not read back", () => {
    const damaged = { ...text, copySketch: "not a sketch" };
    expect(days(dateCopies([page, damaged]))).toContain("page.txt 2016-02-08 copy");
  });
});

describe("verdicts carried from the last build", () => {
  const first = dateCopies([page, text, note]);

  it("names the pair it compared by the two articles' term keys", () => {
    expect(first.verdicts).not.toBeNull();
    const v = first.verdicts!;
    expect(v.copies).toHaveLength(2);
    expect([v.keys[v.copies[0]!], v.keys[v.copies[1]!]].sort()).toEqual([page.termsKey, text.termsKey].sort());
  });

  it("are taken, not compared again: a pair carried as not copies stays apart", () => {
    // What no build would carry (the two are copies): it shows the verdict is the one read, not worked out again.
    const wrong: CopyVerdicts = { keys: first.verdicts!.keys, copies: [], apart: first.verdicts!.copies };
    const next = dateCopies([page, text, note], wrong);
    expect(next.messages).toEqual([]);
    expect(days(next)).toContain("page.txt 2018-03-26 visible-date");
  });

  it("hold only for the same two records: a changed article is compared again", () => {
    const changed = prepared({ ...dump, text: dump.text.replace(/leadership/gi, "management") });
    expect(changed.termsKey).not.toBe(text.termsKey);
    const wrong: CopyVerdicts = { keys: first.verdicts!.keys, copies: [], apart: first.verdicts!.copies };
    const next = dateCopies([page, changed, note], wrong);
    expect(days(next)).toContain("page.txt 2016-02-08 copy");
    expect(next.verdicts!.copies).toHaveLength(2);
  });

  it("give the groups a cold build finds, whichever articles came or went", () => {
    const without = dateCopies([text, note]);
    expect(without.messages).toEqual([]);
    expect(days(dateCopies([page, text, note], without.verdicts))).toEqual(days(first));
    expect(days(dateCopies([text, note], first.verdicts))).toEqual(days(without));
  });

  it("are none when the step compares nothing (all dated alike): the last build's are kept", () => {
    expect(dateCopies([text]).verdicts).toBeNull();
    expect(dateCopies([text, note]).verdicts).toEqual({ keys: [], copies: [], apart: [] });
  });
});
