// A stand-in for src/cluster (for `npm run bench -- --stub-cluster` only): articles whose titles start
// with the same four words are one story, each story's id is a hash of its first article's path, and
// there are no follow-ups. Linear and cheap, so that the rest of the build can be measured at sizes
// where the real clustering is the bottleneck. Never used by the product.
import { createHash } from "node:crypto";

export const defaultClusterOptions = {};

export function clusterArticles(articles) {
  const groups = new Map();
  for (const a of [...articles].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const key = a.title.toLowerCase().replace(/\W+/g, " ").trim();
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.values()].map((members) => ({ id: `s-${createHash("sha256").update(members[0].path).digest("hex").slice(0, 10)}`, members, followUpOf: null }));
}
