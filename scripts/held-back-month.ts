// npx tsx scripts/held-back-month.ts [--digest bin/digest.js] [--corpus /tmp/l10k] [--work /tmp/held-back-month] [--every 3]:
// a month of daily builds of the bench corpus (cache and story-id state kept from day to day, in a scratch folder),
// and after each one every place a held-back story (src/digest `heldBack`) could show where a reader looks: the feeds,
// the front page and its days, the about page's count, published stories' pages and digests (follow-up links), the
// search index's page count. A cold build of the whole corpus first finds the pages the article gate doubts; the
// month builds every `every`-th article plus every story holding a doubted page. From the 20th to the 24th the
// undoubted articles of the stories mixing both are left out (those stories are held back after publication), and
// put back on the 25th. Prints one line a day, then what happened to each story published and later held back.
// `--digest` runs another tree's command (say /work/wt/base71/bin/digest.js) for a before/after.
import { execFileSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { digest: { type: "string", default: "bin/digest.js" }, corpus: { type: "string", default: "/tmp/l10k" }, work: { type: "string", default: "/tmp/held-back-month" }, every: { type: "string", default: "3" } } });
const work = values.work!;
const digest = (input: string, out: string, cache: string[]) =>
  execFileSync(process.execPath, [values.digest!, "build", "--input", input, "--digests", join(out, "digests"), "--output", join(out, "site"), ...cache, "--base-url", "https://digest.example/", "--quiet"], { env: { ...process.env, TZ: "UTC" }, stdio: ["ignore", "ignore", "ignore"] });

interface Report {
  inputs: { path: string; story?: string; date?: string; messages: { rule: string }[] }[];
  stories: { id: string; date: string; members: string[]; heldBack?: string }[];
}
const reportOf = (out: string): Report => JSON.parse(readFileSync(join(out, "site", "build-report.json"), "utf8"));

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, "in"), { recursive: true });
digest(values.corpus!, join(work, "whole"), ["--no-cache"]);
const whole = reportOf(join(work, "whole"));
const doubted = new Set(whole.inputs.filter((i) => i.messages.some((m) => m.rule === "article-gate")).map((i) => i.path));
const withDoubt = new Set(whole.inputs.filter((i) => doubted.has(i.path)).map((i) => i.story));
const realOfMixed = new Set(whole.stories.filter((s) => withDoubt.has(s.id) && s.heldBack === undefined).flatMap((s) => s.members.filter((m) => !doubted.has(m))));
const every = Number(values.every);
const chosen = whole.inputs.filter((i) => i.date !== undefined && (Number(/\d+/.exec(i.path)?.[0] ?? 1) % every === 0 || withDoubt.has(i.story)));
const month = [...new Set(chosen.map((i) => i.date!.slice(0, 7)))].sort().at(-1)!;

const ever = new Map<string, { modified: string; heldOn?: string }>();
const events: string[] = [];
for (let d = 1; d <= 30; d++) {
  const day = `${month}-${String(d).padStart(2, "0")}`;
  const skip = d >= 20 && d < 25 ? realOfMixed : new Set<string>();
  const want = new Set(chosen.filter((i) => i.date! <= day && !skip.has(i.path)).map((i) => i.path));
  const input = join(work, "in");
  for (const f of readdirSync(input)) if (!want.has(f)) unlinkSync(join(input, f));
  for (const f of want) if (!existsSync(join(input, f))) linkSync(join(values.corpus!, f), join(input, f));
  digest(input, work, ["--cache", join(work, "cache")]);
  const site = join(work, "site");
  const read = (p: string) => readFileSync(join(site, p), "utf8");
  const report = reportOf(work);
  const held = report.stories.filter((s) => s.heldBack !== undefined).map((s) => s.id);
  const published = report.stories.filter((s) => s.heldBack === undefined);
  const feeds = ["feed.xml", "atom.xml", "feed.json", "stories.xml", "stories-atom.xml", "stories.json"].map(read);
  const home = read("index.html");
  const linking = published.filter((s) => held.some((h) => read(`stories/${s.id}/index.html`).includes(`/stories/${h}/`))).length;
  const digests = readdirSync(join(work, "digests")).filter((f) => f.endsWith(".md")).map((f) => readFileSync(join(work, "digests", f), "utf8").split("## Held back")[0]!);
  const searchPages = readdirSync(site).filter((f) => f.startsWith("pagefind")).reduce((n, f) => n + Object.values(JSON.parse(read(`${f}/pagefind-entry.json`)).languages as Record<string, { page_count: number }>).reduce((m, l) => m + l.page_count, 0), 0);
  const row = {
    day,
    stories: report.stories.length,
    heldBack: held.length,
    inFeeds: held.filter((h) => feeds.some((f) => f.includes(`/stories/${h}/`))).length,
    onFrontPage: held.filter((h) => home.includes(`/stories/${h}/`)).length,
    frontDaysWithoutStory: (home.match(/· 0 stories/g) ?? []).length,
    aboutCounts: Number(/across (\d+) stor/.exec(read("about/index.html"))?.[1] ?? NaN) - published.length,
    publishedPagesLinking: linking,
    digestsLinking: held.filter((h) => digests.some((md) => md.includes(h))).length,
    searchPagesOver: searchPages - published.length,
  };
  console.log(JSON.stringify(row));
  const state = JSON.parse(readFileSync(join(work, "digests", "story-ids.json"), "utf8")) as { stories: { id: string; stamp?: string }[]; merged?: { id: string; stamp?: string }[] };
  const stamp = new Map([...(state.merged ?? []), ...state.stories].map((r) => [r.id, r.stamp]));
  for (const item of (JSON.parse(read("stories.json")) as { items: { id: string; date_modified: string }[] }).items) {
    const id = /\/stories\/(s-[0-9a-f]+)\//.exec(item.id)![1]!;
    const was = ever.get(id);
    if (was?.heldOn) events.push(`${day} ${id} in the story feed again: dated ${item.date_modified}, last shown ${was.modified}`);
    ever.set(id, { modified: item.date_modified });
  }
  for (const h of held) {
    const was = ever.get(h);
    if (was && !was.heldOn) {
      was.heldOn = day;
      events.push(`${day} ${h} held back after its item was in the story feed (last shown ${was.modified}); its stamp on record: ${stamp.get(h) ?? "none"}`);
    }
  }
}
console.log(events.join("\n") || "no story was held back after publication");
