// Quick throughput check: summarise every bbc-dev article (repeated) on one core, articles per second.
import { readFileSync } from "node:fs";
import { summarise } from "../src/summarise/index.ts";

const corpus = process.argv[2] ?? new URL("../../shared/corpus/bbc-dev.jsonl", import.meta.url).pathname;
const rows = readFileSync(corpus, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string });
const rounds = 5;
for (const r of rows) summarise([{ title: r.title, text: r.text }], { sentences: 3 }); // warm-up
const start = performance.now();
for (let k = 0; k < rounds; k++) for (const r of rows) summarise([{ title: r.title, text: r.text }], { sentences: 3 });
const seconds = (performance.now() - start) / 1000;
console.log(`summarise: ${rows.length * rounds} articles in ${seconds.toFixed(2)} s = ${Math.round((rows.length * rounds) / seconds)} articles/s (one core)`);
