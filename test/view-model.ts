// Shared by the tests that hold a key to what it stands for (test/digest/markdown-keys.test.ts,
// test/feed/entry-keys.test.ts): the bench-article fixtures' stories, the view model a build makes of
// them through a view store, and a watcher of which fields the code under test reads.
import { join } from "node:path";
import { DiskCache } from "../src/cache/pack.ts";
import { buildDigest, cachedViews, type ArticleKeys, type DigestModel } from "../src/digest/index.ts";
import { contentKey, ingest } from "../src/ingest/index.ts";
import { runPipeline } from "../src/pipeline.ts";
import type { Story } from "../src/types.ts";

const { files } = await ingest(join(import.meta.dirname, "fixtures", "bench-articles"));
/** The fixtures' stories, clustered and summarised as a build does. */
export const stories = runPipeline(files, { zone: "UTC" }).stories;
const articles: ArticleKeys = { rules: [], contentKeys: new Map(files.map((f) => [f.path, contentKey(f)])) };

/** The model a build makes of `input` through a view store in `dir` (committed after). */
export async function viewModel(dir: string, input: readonly Story[]): Promise<DigestModel> {
  const views = await cachedViews(new DiskCache(dir, () => {}), articles);
  const made = buildDigest(input, { zone: "UTC", views: views.store }).model;
  await views.pack!.commit();
  return made;
}

/** `target` whose top-level fields read are added to `seen`. */
export function watched<T extends object>(target: T, seen: Set<string>): T {
  return new Proxy(target, { get: (t, field, receiver) => (typeof field === "string" && seen.add(field), Reflect.get(t, field, receiver)) });
}
