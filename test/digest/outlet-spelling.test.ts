// One outlet is written one way across a build: a text dump's "DealDoktor.de" and its saved page's "DealDoktor"
// (tuning-half webpages-dev 1ae476c6a3079ace, trimmed: test/fixtures/outlets/dealdoktor-*) were credited as
// "DealDoktor and DealDoktor.de". Names that differ only in case, spaces, punctuation, a leading "The" or an
// address's ending are one outlet; names that differ otherwise stay apart.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { buildDigest } from "../../src/digest/index.ts";
import { oneSpellingEach } from "../../src/digest/outlets.ts";

const fixtures = join(import.meta.dirname, "../fixtures/outlets");
const dir = mkdtempSync(join(tmpdir(), "digest-spelling-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync(join(fixtures, "dealdoktor-saved-page.html"), join(dir, "deal.html"));
copyFileSync(join(fixtures, "dealdoktor-brand-part.txt"), join(dir, "dump.txt"));

describe("an outlet's spelling across a build", () => {
  it("credits a saved page and its text dump to one outlet, written once", async () => {
    const { stories } = runPipeline((await ingest(dir)).files, { zone: "UTC" });
    const model = buildDigest(stories).model;
    const labels = model.stories.flatMap((s) => s.sources.map((source) => source.label));
    expect(labels).toHaveLength(2);
    expect(new Set(labels)).toEqual(new Set(["DealDoktor"]));
    expect(model.stories.map((s) => s.credit)).toEqual(["DealDoktor"]);
  });

  it("takes a name not written as an address, then not in capitals only, and leaves other names apart", () => {
    // Pairs a saved page and its dump give on the tuning half (qa68's count: 22 of 55 pages named two ways).
    const spelled = oneSpellingEach(["Lebensmittelpraxis.de", "Lebensmittel Praxis", "VICE", "Vice", "SW1.News", "SW1", "PolitiFact", "PolitiFact West Virginia", "Boston.com", "Boston Globe"]);
    expect(Object.fromEntries(spelled)).toEqual({ "Lebensmittelpraxis.de": "Lebensmittel Praxis", VICE: "Vice", "SW1.News": "SW1" });
    // The fuller form, even where more sources give the shorter one.
    expect(Object.fromEntries(oneSpellingEach(["Intercept", "The Intercept", "Intercept", "Intercept"]))).toEqual({ Intercept: "The Intercept" });
    // Any order, the same choice.
    expect(oneSpellingEach(["Vice", "VICE"])).toEqual(oneSpellingEach(["VICE", "Vice"]));
  });
});
