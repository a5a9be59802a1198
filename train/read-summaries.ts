// `npx tsx train/read-summaries.ts draw SUMMARISER KEY` / `… record SUMMARISER KEY READINGS`: a blind hand reading
// of the digest's own summaries (3 sentences, each event's whole coverage, events-dev both halves) for facts
// told twice, as su50 read them (train/labels/summary-readings.jsonl). `draw` prints, shuffled (seed 51) and
// without event or half, the summaries this checkout makes that no earlier reading has word for word; the key
// (which is which) goes to KEY, not to the screen. A summary read before keeps its reading (readBlind false).
// `record` appends a row per event: READINGS is one line per drawn summary, "<number> <repeats>".
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { summarise } from "../src/summarise/index.ts";
import { eventStories } from "./lib/fact-pairs.ts";
import { random } from "../eval/lib/random.ts";
import { halfOf } from "../eval/lib/split.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

const [mode, summariser, keyFile, readingsFile] = process.argv.slice(2);
if ((mode !== "draw" && mode !== "record") || !summariser || !keyFile) throw new Error("usage: draw|record SUMMARISER KEY [READINGS]");
const root = fileURLToPath(new URL("..", import.meta.url));
const labels = `${root}train/labels/summary-readings.jsonl`;
interface Reading { event: string; half: string; summariser: string; repeats: number; readBlind: boolean; sentences: string[] }
const read = readJsonl<Reading>(labels);
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const topics = new Map(readJsonl<{ cluster: string; topic: number }>(`${corpus}events-dev.jsonl`).map((r) => [r.cluster, String(r.topic)]));
const rows = eventStories(`${corpus}events-dev.jsonl`, "both")
  .filter((s) => s.id === s.event)
  .map((s) => {
    const sentences = summarise(s.inputs);
    const before = read.find((r) => r.event === s.event && r.sentences.join("\n") === sentences.join("\n"));
    return { event: s.event, half: halfOf(topics.get(s.event)!), sentences, before };
  });
const fresh = rows.filter((r) => !r.before);
const rand = random(51);
const order = fresh.map((r) => [rand(), r] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
if (mode === "draw") {
  writeFileSync(keyFile, `${JSON.stringify(order.map((r) => r.event))}\n`);
  order.forEach((r, i) => console.log(`#${i + 1}\n${r.sentences.map((s) => `  - ${s}`).join("\n")}\n`));
  console.error(`${fresh.length} of ${rows.length} summaries not read before`);
} else {
  const key = JSON.parse(readFileSync(keyFile, "utf8")) as string[];
  const given = new Map(readFileSync(readingsFile!, "utf8").split("\n").filter(Boolean).map((l) => l.split(/\s+/).map(Number) as [number, number]));
  for (const r of rows) {
    const i = key.indexOf(r.event);
    const repeats = r.before ? r.before.repeats : given.get(i + 1);
    if (repeats === undefined) throw new Error(`${r.event}: no reading`);
    appendFileSync(labels, `${JSON.stringify({ event: r.event, half: r.half, summariser, repeats, readBlind: !r.before, sentences: r.sentences })}\n`);
  }
  for (const half of ["tune", "check"]) {
    const mine = rows.filter((r) => r.half === half);
    const told = mine.filter((r) => (r.before ? r.before.repeats : given.get(key.indexOf(r.event) + 1)!) > 0).length;
    console.log(`${half}: summaries telling a fact twice ${told}/${mine.length}`);
  }
}
