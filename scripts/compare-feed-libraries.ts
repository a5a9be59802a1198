// Compares feed parsers on the broken and odd feeds in test/fixtures/fetch/feeds (docs/fetch.md has the
// result). Every library gets the same text, decoded the way `digest fetch` decodes it (charset handling is
// ours, whatever the parser). An item is right when its title, absolute link and instant all match; a
// relative link a library returns is resolved against the feed's URL, and its date string read by Digest's
// own date reader, as Digest would have to with that library.
// Run: npx tsx scripts/compare-feed-libraries.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import Parser from "rss-parser";
import { DateTime } from "luxon";
import { decodeBody } from "../src/fetch/decode.ts";
import { readFeed } from "../src/fetch/feed.ts";
import { feedDate } from "../src/fetch/dates.ts";

const dir = join(import.meta.dirname, "../test/fixtures/fetch/feeds");
const FEED_URL = "https://news.example.com/feeds/x.xml";
const N = "https://news.example.com";

interface Expected {
  title: string;
  url: string;
  /** An instant (ISO with offset) or null when the item has none. */
  date: string | null;
}
interface Got {
  title: string | null;
  url: string | null;
  date: string | null;
}
type Outcome = { items: Got[] } | { error: string };

const quoted: Expected[] = [
  { title: "“Quoted” café costs €5", url: `${N}/cafe-5`, date: "2025-05-29T10:15:00Z" },
  { title: "Mayor’s reply", url: `${N}/mayor`, date: "2025-05-29T11:15:00Z" },
];
const cases: { file: string; what: string; expect: Expected[] | "refuse" }[] = [
  { file: "rss2.xml", what: "RSS 2.0, well-formed (baseline)", expect: [
    { title: "Council approves new harbour bridge", url: `${N}/2025/05/bridge`, date: "2025-05-29T07:15:00Z" },
    { title: "Ferry timetable changes", url: `${N}/2025/05/ferry`, date: "2025-05-28T08:00:00Z" } ] },
  { file: "unescaped-amp.xml", what: "bare `&` in text and links (not well-formed)", expect: [
    { title: "Salt & vinegar prices rise", url: `${N}/story?id=1&ref=rss`, date: "2025-05-29T10:15:00Z" },
    { title: "Cod quota cut", url: `${N}/story?id=2&ref=rss`, date: "2025-05-30T09:00:00Z" } ] },
  { file: "html-entities.xml", what: "HTML entities (`&nbsp;` `&eacute;` `&rsquo;`) undefined in XML", expect: [
    { title: "Minister’s café visit — reaction", url: `${N}/cafe`, date: "2025-05-29T10:15:00Z" },
    { title: "Second story", url: `${N}/second`, date: "2025-05-29T11:15:00Z" } ] },
  { file: "wrong-charset.xml", what: "declares UTF-8, bytes are Windows-1252", expect: quoted },
  { file: "no-charset-cp1252.xml", what: "no XML declaration, Windows-1252 bytes", expect: quoted },
  { file: "latin1-declared.xml", what: "declares ISO-8859-1, Latin-1 bytes", expect: [
    { title: "'Quoted' café costs '5", url: `${N}/cafe-5`, date: "2025-05-29T10:15:00Z" },
    { title: "Mayor's reply", url: `${N}/mayor`, date: "2025-05-29T11:15:00Z" } ] },
  { file: "bom-utf8.xml", what: "UTF-8 byte-order mark", expect: quoted },
  { file: "bom-utf16le.xml", what: "UTF-16LE with BOM", expect: quoted },
  { file: "leading-whitespace.xml", what: "blank lines before `<?xml`", expect: [
    { title: "Story after blank lines", url: `${N}/ws1`, date: "2025-05-29T10:15:00Z" } ] },
  { file: "missing-dates.xml", what: "no `pubDate`; an unparseable one", expect: [
    { title: "First undated story", url: `${N}/a`, date: null },
    { title: "Second story, bad date", url: `${N}/b`, date: null } ] },
  { file: "relative-links.xml", what: "relative item links", expect: [
    { title: "Relative path story", url: `${N}/news/relative-1`, date: "2025-05-29T10:15:00Z" },
    { title: "Bare relative story", url: `${N}/feeds/news/relative-2`, date: "2025-05-29T11:15:00Z" } ] },
  { file: "rss091.xml", what: "RSS 0.91 with DOCTYPE", expect: [
    { title: "Old format story one", url: `${N}/old1`, date: null },
    { title: "Old format story two", url: `${N}/old2`, date: null } ] },
  { file: "rdf.xml", what: "RSS 1.0 (RDF), `dc:date`", expect: [
    { title: "RDF story one", url: `${N}/rdf1`, date: "2025-05-29T08:15:00Z" },
    { title: "RDF story two", url: `${N}/rdf2`, date: "2025-05-29T09:15:00Z" } ] },
  { file: "atom-xmlbase.xml", what: "Atom, nested `xml:base`, relative links, html/xhtml content", expect: [
    { title: "Atom story with entry base", url: `${N}/2025/atom-one`, date: "2025-05-29T14:15:00Z" },
    { title: "Atom story two", url: `${N}/atom/stories/atom-two`, date: "2025-05-29T09:00:00Z" } ] },
  { file: "jsonfeed-1.0.json", what: "JSON Feed 1.0", expect: [
    { title: "JSON one", url: `${N}/json1`, date: "2025-05-29T09:15:00Z" },
    { title: "JSON two", url: `${N}/json2`, date: "2025-05-29T11:15:00Z" } ] },
  { file: "jsonfeed-1.1.json", what: "JSON Feed 1.1, relative `url`, only `date_modified`", expect: [
    { title: "JSON 1.1 relative url", url: `${N}/j11a`, date: "2025-05-29T04:45:00Z" },
    { title: "JSON 1.1 two", url: `${N}/j11b`, date: "2025-05-29T11:15:00Z" } ] },
  { file: "html-page.html", what: "an HTML page instead of a feed", expect: "refuse" },
  { file: "empty.xml", what: "empty body", expect: "refuse" },
];

function resolve(link: unknown): string | null {
  if (typeof link !== "string" || !link.trim()) return null;
  try {
    return new URL(link.trim(), FEED_URL).href;
  } catch {
    return null;
  }
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.replace(/[\s\u00a0]+/g, " ").trim() : null;
}

const libraries: { name: string; parse: (text: string, json: boolean) => Promise<Outcome> }[] = [
  {
    name: "feedsmith 3.0.1 (+ Digest's layer)",
    parse: async (text) => {
      const r = readFeed(text, FEED_URL);
      return r.ok ? { items: r.feed.items.map((i) => ({ title: i.title, url: i.url, date: i.date })) } : { error: r.reason };
    },
  },
  {
    name: "@extractus/feed-extractor 8.0.3",
    parse: async (text, json) => {
      const feed = json ? extractFromJson(text, { baseUrl: FEED_URL }) : extractFromXml(text, { baseUrl: FEED_URL });
      return { items: (feed.entries ?? []).map((e) => ({ title: str(e.title), url: resolve(e.link), date: str(e.published) })) };
    },
  },
  {
    name: "rss-parser 3.13.0",
    parse: async (text, json) => {
      if (json) return { error: "no JSON Feed support" };
      const feed = await new Parser().parseString(text);
      return { items: feed.items.map((i) => ({ title: str(i.title), url: resolve(i.link), date: str(i.isoDate ?? i.pubDate) })) };
    },
  },
];

/** The instant Digest would take from a library's date string (its own date reading applies to every library). */
function instant(date: string | null): number | null {
  const iso = feedDate(date);
  return iso ? DateTime.fromISO(iso, { zone: "utc" }).toMillis() : null;
}

function judge(got: Outcome, expect: Expected[] | "refuse"): string {
  if ("error" in got) return expect === "refuse" ? `refused: ${got.error}` : `**failed**: ${got.error}`;
  if (expect === "refuse") return got.items.length ? `**${got.items.length} bogus items**` : "**no error, empty feed**";
  let right = 0;
  const wrong = new Set<string>();
  for (const e of expect) {
    const g = got.items.find((i) => i.url === e.url) ?? got.items.find((i) => i.title === e.title);
    if (!g) {
      wrong.add("missing item");
      continue;
    }
    const ok = { title: g.title === e.title, link: g.url === e.url, date: instant(g.date) === instant(e.date) };
    for (const [k, v] of Object.entries(ok)) if (!v) wrong.add(k);
    if (ok.title && ok.link && ok.date) right++;
  }
  const extra = got.items.length - expect.length;
  return `${got.items.length} item${got.items.length === 1 ? "" : "s"}, ${right}/${expect.length} right${wrong.size ? ` (wrong: ${[...wrong].join(", ")})` : ""}${extra > 0 ? `, ${extra} extra` : ""}`;
}

const header = `| case | ${libraries.map((l) => l.name).join(" | ")} |`;
const lines = [header, `| --- |${libraries.map(() => " --- |").join("")}`];
const totals = libraries.map(() => ({ right: 0, of: 0 }));
for (const c of cases) {
  const bytes = readFileSync(join(dir, c.file));
  const json = c.file.endsWith(".json");
  const decoded = decodeBody(bytes, null, json ? "json" : "xml");
  const text = decoded.ok ? decoded.text : "";
  const cells: string[] = [];
  for (const [i, lib] of libraries.entries()) {
    let outcome: Outcome;
    try {
      outcome = await lib.parse(text, json);
    } catch (error) {
      outcome = { error: (error as Error).message.split("\n")[0]! };
    }
    const cell = judge(outcome, c.expect);
    cells.push(cell.replace(/\|/g, "\\|"));
    const expected = c.expect === "refuse" ? 1 : c.expect.length;
    totals[i]!.of += expected;
    if (c.expect === "refuse") totals[i]!.right += "error" in outcome ? 1 : 0;
    else totals[i]!.right += Number(/, (\d+)\/\d+ right/.exec(cell)?.[1] ?? 0);
  }
  lines.push(`| ${c.what} (\`${c.file}\`) | ${cells.join(" | ")} |`);
}
lines.push(`| **right (items, or refusals)** | ${totals.map((t) => `**${t.right}/${t.of}**`).join(" | ")} |`);
process.stdout.write(`${lines.join("\n")}\n`);
