// The outlet names a reader sees for the dev sets' saved pages: how many carry a tagline or a second
// name beside the outlet's ("GAY.CH · Alles bleibt anders!", "Schnäppchen Blog • DealDoktor"), i.e. a
// name with a separator in it. Both halves (by page id); `--list` prints the tuning half's names.
//
//   npx tsx scripts/qa-outlet-names.ts [--list]
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../src/clean/index.ts";
import { outletOf } from "../src/digest/outlets.ts";
import { decode } from "../src/ingest/decode.ts";
import { namesHost } from "../src/text/outlet-names.ts";
import { hostOf } from "../src/text/paths.ts";
import type { CleanArticle, ResolvedArticle } from "../src/types.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { HALVES, halfOf, type Half } from "../eval/lib/split.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = resolve(root, "../shared/corpus");
const SETS = [
  { file: "extraction-dev.jsonl", html: "extraction-html" },
  { file: "webpages-dev.jsonl", html: "webpages-html" },
  { file: "dates-dev.jsonl", html: "dates-html" },
];
/** What sites put between their name and a tagline or a section. */
const SEPARATOR = /\s[|·•»–—-]\s|\s::\s/;

function asResolved(article: CleanArticle): ResolvedArticle {
  const evidence = { date: null, dateSource: null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2000-01-01" };
  return { ...article, evidence, date: "2000-01-01", dateSource: "file-mtime" };
}

interface Tally {
  named: number;
  separated: number;
  hostless: number;
}
const tallies: Record<Half, Tally> = { tune: { named: 0, separated: 0, hostless: 0 }, check: { named: 0, separated: 0, hostless: 0 } };
const listed: string[] = [];
for (const set of SETS) {
  for (const line of readFileSync(join(corpus, set.file), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; url: string | null };
    const host = hostOf(row.url);
    if (!host) continue;
    let article: CleanArticle;
    try {
      const decoded = decode(gunzipSync(readFileSync(join(corpus, set.html, `${row.id}.html.gz`))));
      if (!decoded.ok) continue;
      article = cleanSource(devSource(`${row.id}.html`, "html", decoded.text, row.url));
    } catch {
      continue;
    }
    const outlet = outletOf(asResolved(article));
    if (!outlet.name) continue;
    const half = halfOf(row.id);
    const t = tallies[half];
    t.named++;
    if (SEPARATOR.test(outlet.name)) {
      t.separated++;
      // A part that does not name the host is what the reader did not need.
      if (outlet.name.split(SEPARATOR).some((p) => !namesHost(p, host))) t.hostless++;
      if (half === "tune") listed.push(`${host}: ${outlet.name} (${outlet.basis})`);
    }
  }
}
for (const half of HALVES) {
  const t = tallies[half];
  console.log(`${half}: ${t.named} pages named; ${t.separated} names with a separator, ${t.hostless} of them with a part that does not name the host`);
}
if (process.argv.includes("--list")) for (const l of listed) console.log(`  ${l}`);
