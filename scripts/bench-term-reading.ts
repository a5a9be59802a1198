// npx tsx scripts/bench-term-reading.ts STEPS.v8 [--rounds N]: what reading clustering's term records
// costs against the rest of the profiles, in CPU ms a pass over every article of a file made by
// scripts/bench-cluster-steps.ts. Per round: the records' base64 decoded alone (Buffer.write), TermRecord.load
// (that decoding, the varints and every check), its key on top (SHA-256 of the bytes, rows.ts), every
// term interned on top (Vocabulary.idOf) and the ranks (Vocabulary.ranks); then buildProfiles whole on
// copies of the articles (IDF window as clustering's, index.ts MIN_IDF_DOCUMENTS = 100). Round 0 is a fresh process's, as in a build (run it
// with --rounds 1 in several processes); later rounds are warm. Never part of the tests.
//
// Stop 46 (10k bench articles, /tmp/cl45/articles.steps.v8; 9,989 records, 24.5 M base64 characters,
// 18.4 MB of bytes, 1,885,188 term entries, 2,643,106 run entries, 93,887 distinct terms), load 3.5-7:
//   warm:  base64 9-14, load 56-60 (with the base64), key +19-23, interning +43-61, ranks 12-18,
//          buildProfiles 414-580
//   fresh: base64 32-47, load 95-132, key +36-49, interning +94-137, ranks 22-40, buildProfiles 617-811
//          (of which reading the records, timed inside readTerms: 331-523; the weighing the rest)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { DateTime } from "luxon";
import { TermRecord } from "../src/cluster/term-record.ts";
import { Vocabulary } from "../src/cluster/vocabulary.ts";
import { buildProfiles } from "../src/cluster/profile.ts";
import { defaultClusterOptions } from "../src/cluster/index.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "4" } } });
const articles = deserialize(readFileSync(resolve(positionals[0] ?? ""))) as DatedArticle[];
const terms = articles.flatMap((a) => (a.terms === undefined ? [] : [a.terms]));
const dayOf = (a: DatedArticle) => {
  const d = a.evidence.date ?? a.evidence.pageDate;
  return d ? Math.round(DateTime.fromISO(d, { zone: "utc" }).toSeconds() / 86400) : null;
};
const days = articles.map(dayOf);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const record = new TermRecord();
const buffer = Buffer.alloc(1 << 17);
for (let round = 0; round < Number(values.rounds); round++) {
  const row: string[] = [];
  let t = cpu();
  for (const x of terms) buffer.write(x, "base64");
  row.push(`base64 ${(cpu() - t).toFixed(0)}`);
  t = cpu();
  for (const x of terms) if (!record.load(x)) throw new Error("a record does not read");
  const load = cpu() - t;
  row.push(`load ${load.toFixed(0)}`);
  t = cpu();
  for (const x of terms) {
    record.load(x);
    record.key();
  }
  row.push(`key +${(cpu() - t - load).toFixed(0)}`);
  t = cpu();
  const v = new Vocabulary();
  for (const x of terms) {
    record.load(x);
    for (let k = 0; k < record.count; k++) v.idOf(record.hashes[k]!, record.tags[k]!);
  }
  row.push(`interning +${(cpu() - t - load).toFixed(0)} (${v.size} terms)`);
  t = cpu();
  v.ranks();
  row.push(`ranks ${(cpu() - t).toFixed(0)}`);
  const copies = articles.map((a) => ({ ...a }));
  const keys = { termKeys: new Array<string>(copies.length), prints: new Array<string>(copies.length) };
  t = cpu();
  buildProfiles(copies, defaultClusterOptions.keyTerms, true, undefined, { days, windowDays: defaultClusterOptions.windowDays, minDocuments: defaultClusterOptions.minIdfDocuments ?? 100 }, keys);
  row.push(`buildProfiles ${(cpu() - t).toFixed(0)}`);
  console.log(`round ${round}: ${row.join(", ")} ms CPU`);
}
// Counted last: a pass before round 0 would warm `load` up.
let [chars, entries, runEntries] = [0, 0, 0];
for (const t of terms) {
  chars += t.length;
  record.load(t);
  entries += record.count;
  runEntries += record.bounds[record.runs]!;
}
console.log(`${terms.length} records, ${(chars / 1e6).toFixed(1)} M base64 characters, ${entries} term entries, ${runEntries} run entries`);
