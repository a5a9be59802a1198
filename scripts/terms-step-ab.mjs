// node scripts/terms-step-ab.mjs ROOT hash|time: the terms step (src/cluster articleTermsKeyed) of ROOT's compiled
// dist/ over /tmp/l10k's articles (title: line 2, paragraphs: blank-line blocks after it). `hash` also reads the dev
// sets of ../shared/corpus and prints the article count and a SHA-256 of every record and key in order (two
// checkouts' records are byte-identical when the hashes agree); `time` prints the CPU ms of one pass over
// /tmp/l10k in a fresh process (run it alternating two roots for paired figures). Never part of the tests.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [root, mode] = process.argv.slice(2);
if (!root || (mode !== "hash" && mode !== "time")) throw new Error("usage: terms-step-ab.mjs ROOT hash|time");
const { articleTermsKeyed } = await import(join(resolve(root), "dist/src/cluster/mentions.js"));
const articles = [];
for (const f of readdirSync("/tmp/l10k").sort()) {
  const lines = readFileSync(`/tmp/l10k/${f}`, "utf8").split("\n");
  articles.push([lines[1] ?? "", paragraphsOf(lines.slice(2).join("\n"))]);
}
if (mode === "hash") {
  const corpus = join(dirname(fileURLToPath(import.meta.url)), "../../shared/corpus");
  for (const set of ["events-dev", "bbc-dev", "extraction-dev", "webpages-dev", "dates-dev"]) {
    for (const line of readFileSync(join(corpus, `${set}.jsonl`), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const o = JSON.parse(line);
      const text = [o.text, o.article_body, o.text_dump].find((t) => typeof t === "string") ?? "";
      articles.push([typeof o.title === "string" ? o.title : "", paragraphsOf(text)]);
    }
  }
  const h = createHash("sha256");
  for (const [title, paragraphs] of articles) {
    const { terms, key } = articleTermsKeyed(title, paragraphs, () => null);
    h.update(terms);
    h.update(`\0${key}\n`);
  }
  console.log(articles.length, h.digest("hex"));
} else {
  const start = process.cpuUsage();
  for (const [title, paragraphs] of articles) articleTermsKeyed(title, paragraphs, () => null);
  const used = process.cpuUsage(start);
  console.log(((used.user + used.system) / 1000).toFixed(0));
}

function paragraphsOf(text) {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
