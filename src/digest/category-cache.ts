// A story's categories from the build cache: finding the names in every article's prose is most of
// what the view model costs, and a story whose texts and outlets are what they were has the same
// categories. Keyed by the categories code, the texts and the outlets left out.
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { textsKey, type DiskCache, type Namespace, type Pack } from "../cache/pack.ts";
import { storyCategories } from "./categories.ts";

export type Categorise = typeof storyCategories;

const categoriesNamespace: Namespace<string[]> = {
  name: "categories",
  accepts: (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string"),
};

export interface CachedCategories {
  categorise: Categorise;
  /** Commit it once the model is built; null without a cache. */
  pack: Pack<string[]> | null;
}

export async function cachedCategories(cache: DiskCache | null): Promise<CachedCategories> {
  if (!cache) return { categorise: storyCategories, pack: null };
  const pack = await cache.open(categoriesNamespace, "all");
  const code = codeHash([moduleUrl("./categories", import.meta.url)]);
  const categorise: Categorise = (texts, exclude, max = 3) => {
    const key = textsKey(["categories", code, String(max), String(texts.length), ...texts, String(exclude.length), ...exclude]);
    const hit = pack.get(key);
    if (hit) return hit;
    const found = storyCategories(texts, exclude, max);
    pack.put(key, found);
    return found;
  };
  return { categorise, pack };
}
