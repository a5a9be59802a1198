import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anchorTriplets, edgeAnchors } from "../../train/lib/context-ranking.ts";

// cx83 (stop 83): RANK=context learns the ranking in the context fit only. Three forms of the term in the pair fit
// turned the pair weights and cost other sets, so the pair model must stay the plain fit, byte for byte.
const root = join(import.meta.dirname, "../..");

describe("RANK=context", () => {
  it("leaves the pair model exactly the committed plain fit (the term never reaches the pair fit)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "context-ranking-")), "pair.json");
    execFileSync("npx", ["tsx", "train/train-merge.ts"], { cwd: root, stdio: "ignore", env: { ...process.env, RANK: "context", KEEP_DECISION: "1", RANK_PAIR_ONLY: out, OUT: join(out, "..", "unused.json") } });
    const committed = JSON.parse(readFileSync(join(root, "src/cluster/merge-model.json"), "utf8")) as { pair: unknown };
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(committed.pair);
  }, 180_000);
});

describe("edgeAnchors", () => {
  // Articles 0, 1, 2 of story s; 3, 4 of story t; 5 not learned.
  const gold = ["s", "s", "s", "t", "t", "s"];
  const edges = { a: [0, 0, 0, 1, 3, 0], b: [1, 3, 4, 3, 4, 5], length: 6 };
  const anchors = edgeAnchors(edges, gold, (a, b) => a !== 5 && b !== 5);
  it("gives each article its edges to true partners and to other stories, skipping edges it may not learn from", () => {
    expect(anchors).toEqual([
      { a: 0, partners: [0], others: [1, 2] },
      { a: 1, partners: [0], others: [3] },
      { a: 3, partners: [4], others: [1, 3] },
      { a: 4, partners: [4], others: [2] },
    ]);
  });
  it("leaves out an article with no partner edge or no other edge", () => {
    expect(anchors.map((e) => e.a)).not.toContain(2);
    expect(edgeAnchors({ a: [0], b: [1], length: 1 }, gold, () => true)).toEqual([]);
  });
});

describe("anchorTriplets", () => {
  it("is the partner edge's features minus the other edge's, each anchor's triplets weighing one anchor together", () => {
    const features = [1, 2, /* edge 1 */ 0.5, 3, /* edge 2 */ 0, 0];
    const list = anchorTriplets([{ a: 0, partners: [0], others: [1, 2] }], features, 2, 6);
    expect(list.map((r) => Array.from(r.x))).toEqual([[0.5, -1], [1, 2]]);
    expect(list.map((r) => r.weight)).toEqual([3, 3]);
  });
});
