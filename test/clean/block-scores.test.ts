// The block model's fast paths on real pages (the dev-corpus text dumps and HTML pages in test/fixtures):
// `scoreBlocks` reads every line's row by offset from one flat array, the local model as straight-line
// code and the trees with their leaves picked by index. Each must give the log-odds the plain readers
// give, to the bit: the article's place on the page hangs on them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/clean/index.ts";
import { blockModels, compiledLogit, scoreBlocks } from "../../src/clean/block-model.ts";
import { contextCount, contextFeatures, contextNames, featureCount, featureNames, localFeatures, slugTerms } from "../../src/clean/block-features.ts";
import { logit } from "../../src/model/logistic.ts";
import type { TextDoc } from "../../src/clean/doc.ts";
import type { SourceFile } from "../../src/types.ts";
import { readTrees } from "./tree-reader.ts";

const fixtures = join(import.meta.dirname, "../fixtures");
const source = (path: string, format: SourceFile["format"], text: string, url: string | null = null): SourceFile => ({ path, format, text, encoding: "utf-8", mtime: new Date(0), url });

/** Every real page the tests hold: text dumps (with and without an address) and HTML pages. */
function realDocs(): TextDoc[] {
  const texts: string[] = [];
  for (const dir of ["clean", "clean/headlines", "seeds"]) {
    for (const name of readdirSync(join(fixtures, dir)).filter((n) => n.endsWith(".txt")).sort()) texts.push(readFileSync(join(fixtures, dir, name), "utf8"));
  }
  const docs = texts.flatMap((text, i) => [prepare(source(`t${i}.txt`, "text", text)).doc, prepare(source(`u${i}.txt`, "text", text, "https://news.example.com/2019/11/19/city-council-approves-riverside-park-plan")).doc]);
  for (const name of readdirSync(join(fixtures, "clean/pages")).sort()) {
    docs.push(prepare(source(name, "html", gunzipSync(readFileSync(join(fixtures, "clean/pages", name))).toString("utf8"))).doc);
  }
  return docs;
}

const docs = realDocs();

describe("the block model's scores on real pages", () => {
  it("are, to the bit, what the trees and the logistic model read from each line's own row give", () => {
    let lines = 0;
    for (const doc of docs) {
      const html = doc.origin === "html";
      const models = blockModels(html);
      const slug = slugTerms(doc.meta.url);
      const rows = localFeatures(doc, html, contextCount(html), false, slug);
      const local = rows.map((r) => logit(models.local, r));
      contextFeatures(local, doc.lines, html, rows, featureCount(html), slug);
      const expected = rows.length < 6 ? local : rows.map((r) => readTrees(models.context.trees, models.context.base, r));
      const { local: gotLocal, score } = scoreBlocks(doc, models);
      expect(Array.from(gotLocal), doc.path).toEqual(local);
      expect(Array.from(score), doc.path).toEqual(expected);
      lines += rows.length;
    }
    expect(lines).toBeGreaterThan(1500);
  });

  it("read the neighbours' words as the log of their mean, three lines either side", () => {
    const at = featureCount(false) + contextNames(false).indexOf("log-neighbour-words");
    for (const doc of docs.filter((d) => d.origin === "text")) {
      const html = false;
      const rows = localFeatures(doc, html, contextCount(html));
      contextFeatures(rows.map(() => 0), doc.lines, html, rows, featureCount(html));
      const n = doc.lines.length;
      rows.forEach((row, i) => {
        let words = 0, count = 0;
        for (let j = Math.max(0, i - 3); j < Math.min(n, i + 4); j++) if (j !== i) (words += doc.lines[j]!.words, count++);
        expect(row[at], `${doc.path} line ${i}`).toBe(Math.log1p(words / Math.max(1, count)));
      });
    }
  });

  it("mark a line as an address or mail exactly when it holds one, though only lines marked with @, a slash or \"www.\" are searched", () => {
    let urls = 0;
    for (const doc of docs) {
      const at = featureNames(doc.origin === "html").indexOf("url-or-mail");
      localFeatures(doc, doc.origin === "html").forEach((row, i) => {
        const t = doc.lines[i]!.text;
        expect(row[at], t).toBe(/https?:\/\/|www\.|@\w/.test(t) ? 1 : 0);
        urls += row[at]!;
      });
    }
    expect(urls).toBeGreaterThan(0);
  });

  it("score the local model as straight-line code to the bit, whatever the row", () => {
    const model = blockModels(false).local;
    const fast = compiledLogit(model);
    const width = model.weights.length;
    let seed = 11;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 40 - 20;
    const flat = Float64Array.from({ length: 300 * width + 3 }, next);
    for (let k = 0; k < 300; k++) expect(fast(flat, 3 + k * width)).toBe(logit(model, flat, 3 + k * width));
  });
});
