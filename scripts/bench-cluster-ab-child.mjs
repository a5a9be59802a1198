// One cold clustering of the articles kept by bench-cluster-steps.ts (its DIR.steps.v8 file), with the compiled
// code of one checkout (argv[2]: its root) and an in-memory rows store as a build has (argv[4] "rows"), printing
// each step's CPU ms as JSON; argv[3], when not "-", gets the stories and everything stored, to compare checkouts.
import { readFileSync, writeFileSync } from "node:fs";
import { deserialize } from "node:v8";
const [root, steps, out, mode] = process.argv.slice(2);
const { clusterArticles, defaultClusterOptions } = await import(`${root}/dist/src/cluster/index.js`);
const articles = deserialize(readFileSync(steps));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const memory = () => {
  const x = new Map();
  return { get: (k) => structuredClone(x.get(k)), put: (k, v) => void x.set(k, v), x };
};
const pairs = memory();
const stores = { pairs, groups: memory(), followUps: memory() };
const rows = mode === "rows" ? { get: pairs.get, put: pairs.put, groups: stores.groups, followUps: stores.followUps } : undefined;
const times = {};
const start = cpu();
let mark = start;
const onStep = (s) => {
  const now = cpu();
  times[s] = Math.round(now - mark);
  mark = now;
};
const clusters = clusterArticles(articles, { ...defaultClusterOptions, ...(rows ? { rows } : {}), onStep });
times.total = Math.round(cpu() - start);
console.log(JSON.stringify(times));
if (out && out !== "-") {
  const stories = clusters.map((c) => JSON.stringify({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
  const stored = Object.entries(stores).map(([name, s]) => JSON.stringify([name, [...s.x]]));
  writeFileSync(out, `${[...stories, ...stored].join("\n")}\n`);
}
