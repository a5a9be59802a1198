// `npx tsx train/speed-html.ts`: the HTML path's speed alone (CPU time, median of 5 passes), as eval:clean measures it.
import { cleanSource } from "../src/clean/index.ts";
import { loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import type { SourceFile } from "../src/types.ts";

const pages = [...loadExtraction(), ...loadWebpages()];
const runs: number[] = [];
for (let r = 0; r < 6; r++) {
  const t0 = process.cpuUsage();
  for (const p of pages) {
    try {
      const file: SourceFile = { path: p.id, format: "html", text: p.html, encoding: "utf-8", mtime: new Date(0), url: p.url };
      cleanSource(file);
    } catch {
      // refused pages count too
    }
  }
  const u = process.cpuUsage(t0);
  if (r > 0) runs.push(pages.length / ((u.user + u.system) / 1e6));
}
runs.sort((a, b) => a - b);
console.log(`HTML ${Math.round(runs[2]!)} pages/s (median of 5, CPU time)`);
