// The outlet a reader sees for each dev page (the label the site and feeds show): how many are a host
// name or a URL ("fr.de", "https://www.fr.de", "tdg.ch/") rather than a name. Every saved page of the
// three page sets, read as a build reads it (no URL beyond the page's own) and as `digest fetch` saves
// it (the feed item's URL given); both halves (by page id). `--list` prints the tuning half's labels
// that are not names, `--all` every label; `--check` lists the checking half's instead (to count, not to read).
//
//   npx tsx scripts/qa-outlet-hosts.ts [--list] [--all] [--check]
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../src/clean/index.ts";
import { outletLabel, outletOf } from "../src/digest/outlets.ts";
import { decode } from "../src/ingest/decode.ts";
import type { CleanArticle, ResolvedArticle } from "../src/types.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { HALVES, halfOf, type Half } from "../eval/lib/split.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = "/work/shared/corpus";
const SETS = [
  { file: "extraction-dev.jsonl", html: "extraction-html" },
  { file: "webpages-dev.jsonl", html: "webpages-html" },
  { file: "dates-dev.jsonl", html: "dates-html" },
];
const MODES = ["saved", "fetched"] as const;
type Mode = (typeof MODES)[number];

/** As src/digest/outlets.ts `isAddress` (written out here so that the script also runs on an earlier tree). */
function isAddress(name: string): boolean {
  const t = name.trim();
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(t) || /^www\d*\./i.test(t)) return true;
  const host = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?::\d+)?(\/\S*)?$/u.exec(t);
  return host !== null && (host[1] !== undefined || t === t.toLowerCase());
}
/** A URL's form: scheme, "www." or a path. */
const urlForm = (name: string) => /^[a-z][a-z\d+.-]*:\/\//i.test(name) || /^www\d*\./i.test(name) || /\//.test(name);

function asResolved(article: CleanArticle): ResolvedArticle {
  const evidence = { date: null, dateSource: null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2000-01-01" };
  return { ...article, evidence, date: "2000-01-01", dateSource: "file-mtime" };
}

type Kind = "name" | "name-is-address" | "url" | "host-shown" | "unknown";
const zero = (): Record<Kind, number> => ({ name: 0, "name-is-address": 0, url: 0, "host-shown": 0, unknown: 0 });
const tallies = Object.fromEntries(MODES.map((m) => [m, { tune: zero(), check: zero() }])) as Record<Mode, Record<Half, Record<Kind, number>>>;
const lines: string[] = [];
const all = process.argv.includes("--all");
const listed: Half = process.argv.includes("--check") ? "check" : "tune";
for (const set of SETS) {
  for (const line of readFileSync(join(corpus, set.file), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; url: string | null };
    let text: string;
    try {
      const decoded = decode(gunzipSync(readFileSync(join(corpus, set.html, `${row.id}.html.gz`))));
      if (!decoded.ok) continue;
      text = decoded.text;
    } catch {
      continue;
    }
    const half = halfOf(row.id);
    for (const mode of MODES) {
      let article: CleanArticle;
      try {
        article = cleanSource(devSource(`${row.id}.html`, "html", text, mode === "fetched" ? row.url : null));
      } catch {
        continue; // rejected: no story, no outlet shown
      }
      const outlet = outletOf(asResolved(article));
      const label = outletLabel(outlet);
      const kind: Kind = outlet.name ? (urlForm(outlet.name) ? "url" : isAddress(outlet.name) ? "name-is-address" : "name") : outlet.host ? "host-shown" : "unknown";
      tallies[mode][half][kind]++;
      if (half === listed && (all || kind !== "name")) {
        const title = (article.meta as { titleSite?: string | null }).titleSite ?? null;
        lines.push(`  ${mode} ${set.html}/${row.id} ${kind}: ${label} (${outlet.basis ?? "-"}; site ${JSON.stringify(article.meta.siteName)} publisher ${JSON.stringify(article.meta.publisher)} title ${JSON.stringify(title)})`);
      }
    }
  }
}
for (const mode of MODES) {
  for (const half of HALVES) {
    const t = tallies[mode][half];
    const shown = t.name + t["name-is-address"] + t.url + t["host-shown"] + t.unknown;
    console.log(`${mode} ${half}: ${shown} kept; named ${t.name}; a URL (scheme, www. or path) ${t.url}, a host in lower case ${t["name-is-address"]}, host shown (nothing names it) ${t["host-shown"]}, "Unknown outlet" ${t.unknown}; address shown ${t.url + t["name-is-address"] + t["host-shown"]}`);
  }
}
if (process.argv.includes("--list") || all) for (const l of lines) console.log(l);
