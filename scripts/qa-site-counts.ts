// What a reader meets of stop 51's four defects in a built site, counted (never part of the tests):
//
//   npx tsx scripts/qa-site-counts.ts SITE_DIR
//
// - the front page's first stories, with their day and how their members were dated (a day after the
//   build's inputs were written, or only a file's time, should not lead);
// - story-feed categories that are a byline's words ("Staff Reporter …");
// - story pages whose headline is marked with a language (lang) or a direction (dir=rtl), by language;
// - headlines and outlet names holding bidi controls, and how many of those are shown inside <bdi>;
// - credit lines "… and 1 other source" where the one left is a named outlet.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

interface Report {
  inputs: { path: string; date?: string; dateSource?: string; messages: { rule?: string }[] }[];
  stories: { id: string; date: string; title: string; members: string[]; sources: { outlet: string | null; headline: string }[] }[];
}

const site = resolve(process.argv[2] ?? "_site");
const report = JSON.parse(readFileSync(join(site, "build-report.json"), "utf8")) as Report;
const read = (path: string) => readFileSync(join(site, path), "utf8");
const inputs = new Map(report.inputs.map((i) => [i.path, i]));

const home = read("index.html");
const front = [...home.matchAll(/<article class="story" aria-labelledby="(s-[0-9a-f]+)"/g)].map((m) => m[1]!);
console.log("front page, first 4:");
for (const id of front.slice(0, 4)) {
  const s = report.stories.find((x) => x.id === id)!;
  const how = [...new Set(s.members.map((p) => inputs.get(p)?.dateSource ?? "?"))].join("+");
  console.log(`  ${s.date} (${how}) ${s.title.slice(0, 60)}`);
}
const futureWarned = report.inputs.filter((i) => i.messages.some((m) => m.rule === "future-date")).length;
const fileDated = report.stories.filter((s) => s.members.every((p) => inputs.get(p)?.dateSource === "file-mtime")).length;
console.log(`inputs warned of a future date: ${futureWarned}; stories dated only by file times: ${fileDated}; front-page leads dated only by file times: ${front.slice(0, 1).filter((id) => report.stories.find((s) => s.id === id)!.members.every((p) => inputs.get(p)?.dateSource === "file-mtime")).length}`);

const storyFeed = read("stories.xml");
const items = [...storyFeed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
const bylined = items.filter((i) => /<category>(?:<!\[CDATA\[)?[^<]*\b(?:Staff|Reporter|Correspondent)\b/.test(i)).length;
console.log(`story-feed items: ${items.length}; with a byline's words as a category: ${bylined}`);

const langs = new Map<string, number>();
let rtl = 0;
for (const s of report.stories) {
  const page = read(`stories/${s.id}/index.html`);
  const h1 = /<h1([^>]*)>/.exec(page)?.[1] ?? "";
  const lang = /lang="([^"]+)"/.exec(h1)?.[1] ?? "(site's)";
  langs.set(lang, (langs.get(lang) ?? 0) + 1);
  if (/dir="rtl"/.test(h1)) rtl++;
}
console.log(`story pages by headline language: ${[...langs].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(", ")}; dir=rtl ${rtl}`);

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
let bidiTexts = 0;
let isolated = 0;
const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
for (const s of report.stories) {
  const page = read(`stories/${s.id}/index.html`);
  for (const text of [...s.sources.map((x) => x.headline), ...s.sources.map((x) => x.outlet ?? "")].filter((t) => BIDI.test(t))) {
    bidiTexts++;
    if (page.includes(`<bdi>${esc(text)}</bdi>`) || page.includes(`<bdi class="outlet">${esc(text)}</bdi>`)) isolated++;
  }
}
console.log(`source headlines and outlets with bidi controls: ${bidiTexts}; shown inside <bdi> on the story page: ${isolated}`);

let oneOther = 0;
let hidden = 0;
for (const s of report.stories) {
  const page = read(`stories/${s.id}/index.html`);
  if (!/and 1 other source\b/.test(page)) continue;
  oneOther++;
  const named = new Set(s.sources.map((x) => x.outlet).filter((o): o is string => o !== null));
  if (named.size === 4 && s.sources.every((x) => x.outlet !== null)) hidden++;
}
console.log(`story pages crediting "and 1 other source": ${oneOther}; of them hiding a named outlet: ${hidden}`);
