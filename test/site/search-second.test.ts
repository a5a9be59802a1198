// A cold build indexes thousands of story pages, and one Pagefind process builds its bundles one after
// another: with that many pages every other bundle goes to a second process. Each bundle must be the very
// files one process writes for the same pages, and a second process that cannot write must fail the
// indexing as the first does, naming its bundle's folder.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { startSearch } from "../../src/site/search.ts";
import { tree } from "./build.ts";

const WORDS = ["ferry", "fares", "harbour", "council", "budget", "strike", "rail", "bridge", "school", "storm", "vote", "mayor"];
const page = (n: number) =>
  `<html><body><article data-pagefind-body><h1>${WORDS[n % 12]} ${WORDS[(n * 7) % 12]} ${n}</h1><p>The ${WORDS[(n * 5) % 12]} story number ${n} says ${WORDS[(n * 3) % 12]} and ${WORDS[(n * 11) % 12]}.</p></article></body></html>`;
const bundles = [0, 1, 2].map((b) => ({ folder: `b${b}`, urls: Array.from({ length: 400 }, (_, i) => `/stories/s-${b * 400 + i}/`) }));
const pageOf = (url: string) => page(Number(/s-(\d+)/.exec(url)![1]));

/** Pagefind processes that are this process's children now. */
function pagefindChildren(): number {
  let count = 0;
  for (const task of readdirSync("/proc/self/task"))
    for (const pid of readFileSync(`/proc/self/task/${task}/children`, "utf8").split(" ").filter(Boolean))
      if (readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("pagefind")) count++;
  return count;
}

describe.runIf(process.platform === "linux")("search bundles built by two Pagefind processes", () => {
  it("writes each bundle as one process writes it, two processes at work", async () => {
    const site = mkdtempSync(join(tmpdir(), "digest-search-second-"));
    const search = await startSearch(site, bundles, "en", () => false);
    const processes = pagefindChildren();
    for (const bundle of bundles) for (const url of bundle.urls) search.rendered(url, pageOf(url));
    await search.finish();
    await search.close();
    expect(processes).toBe(2);

    // The reference: each bundle alone in Pagefind's module, its pages in order (as search.ts sends them, a bare document of the marked element).
    const reference = mkdtempSync(join(tmpdir(), "digest-search-second-ref-"));
    for (const bundle of bundles) {
      const { index } = await pagefind.createIndex({ forceLanguage: "en", maxFragments: 100 });
      for (const url of bundle.urls) await index!.addHTMLFile({ url, content: `<html lang="en"><body>${/<article[^]*<\/article>/.exec(pageOf(url))![0]}</body></html>` });
      await index!.writeFiles({ outputPath: join(reference, bundle.folder) });
    }
    await pagefind.close();
    for (const bundle of bundles) expect(tree(join(site, bundle.folder))).toEqual(tree(join(reference, bundle.folder)));
    rmSync(site, { recursive: true, force: true });
    rmSync(reference, { recursive: true, force: true });
  }, 60_000);

  it("fails naming the second process's folder when it cannot write there", async () => {
    const site = mkdtempSync(join(tmpdir(), "digest-search-second-write-"));
    // The second bundle goes to the second process; where its folder goes is a file.
    writeFileSync(join(site, "b1"), "not a folder");
    const search = await startSearch(site, bundles, "en", () => false);
    for (const bundle of bundles) for (const url of bundle.urls) search.rendered(url, pageOf(url));
    await expect(search.finish()).rejects.toThrow(`search index: Pagefind could not write ${join(site, "b1")}: `);
    await search.close();
    rmSync(site, { recursive: true, force: true });
  }, 60_000);
});
