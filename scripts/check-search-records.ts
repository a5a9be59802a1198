// npx tsx scripts/check-search-records.ts SITE [--language en] [--bundle 500]: whether Pagefind's index of a built site's
// story pages is the same when each page goes as the record scripts/search-record.ts makes of its search document
// (`addCustomRecord`) as when it goes as HTML (`addHTMLFile`, Pagefind's own parse): the pages in the site's folder
// order, cut into bundles of --bundle pages, each bundle made both ways in one Pagefind process and every file
// compared byte for byte (`getFiles`). Prints the counts (pages, pages left as HTML, files, files that differ) and the
// first differing file names; exit 1 on any difference. Never part of the tests.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import * as pagefind from "pagefind";
import { searchDocument } from "../src/site/search.ts";
import { searchRecord } from "./search-record.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { language: { type: "string", default: "en" }, bundle: { type: "string", default: "500" } } });
const site = resolve(positionals[0] ?? "");
const forceLanguage = values.language.slice(0, 2).toLowerCase();
const urls = readdirSync(join(site, "stories")).sort().map((s) => `/stories/${s}/`);
const documents = urls.map((url) => searchDocument(readFileSync(join(site, url, "index.html"), "utf8"), values.language));
const size = Number(values.bundle);
let asHtml = 0;
let files = 0;
const differ: string[] = [];
async function build(from: number, records: boolean): Promise<Map<string, Buffer>> {
  const { index } = await pagefind.createIndex({ forceLanguage });
  if (!index) throw new Error("no index");
  for (let i = from; i < Math.min(urls.length, from + size); i++) {
    const record = records ? searchRecord(documents[i]!) : null;
    if (records && !record) asHtml++;
    const answer = record ? await index.addCustomRecord({ url: urls[i]!, content: record.content, language: forceLanguage, meta: record.meta }) : await index.addHTMLFile({ url: urls[i]!, content: documents[i]! });
    if (answer.errors.length) throw new Error(answer.errors.join("; "));
  }
  const got = await index.getFiles();
  await index.deleteIndex();
  return new Map(got.files.map((f) => [f.path, Buffer.from(f.content)]));
}
for (let from = 0; from < urls.length; from += size) {
  const html = await build(from, false);
  const record = await build(from, true);
  for (const name of new Set([...html.keys(), ...record.keys()])) {
    files++;
    const a = html.get(name);
    const b = record.get(name);
    if (!a || !b || !a.equals(b)) differ.push(`bundle ${from / size}: ${name}`);
  }
}
await pagefind.close();
console.log(`pages ${urls.length}, left as HTML ${asHtml}, files ${files}, differ ${differ.length}`);
for (const d of differ.slice(0, 10)) console.log(`  ${d}`);
process.exit(differ.length ? 1 : 0);
