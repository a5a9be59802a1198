// A story's categories from the build cache: finding the names in every article's prose is most of
// what the view model costs, and a story whose articles and outlets are what they were has the same
// categories. Keyed by the categories code, the articles and the outlets left out.
//
// An article stands in the key for its prose by what it was cleaned from, when the build says so
// (`ArticleKeys`: the input's content key, under the cleaning code and rules, decides its paragraphs),
// else by its prose itself. Hashing every story's prose again each build was most of the lookup's cost;
// a key of a few parts (not two hash updates per article and outlet) is most of what is left of it.
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { articleKeysMeaning, type ArticleKeys } from "../cache/article-keys.ts";
import { textsKey, type DiskCache, type Namespace, type Pack } from "../cache/pack.ts";
import { categoriseArticles, proseOf, type Categorise, type ProseSource } from "./categories.ts";

export type { Categorise } from "./categories.ts";
export type { ArticleKeys } from "../cache/article-keys.ts";

const categoriesNamespace: Namespace<string[]> = {
  name: "categories",
  accepts: (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string"),
};

export interface CachedCategories {
  categorise: Categorise;
  /** Commit it once the model is built; null without a cache. */
  pack: Pack<string[]> | null;
}

export async function cachedCategories(cache: DiskCache | null, articles?: ArticleKeys): Promise<CachedCategories> {
  if (!cache) return { categorise: categoriseArticles, pack: null };
  const pack = await cache.open(categoriesNamespace, "all");
  const code = codeHash([moduleUrl("./categories", import.meta.url)]);
  // What an article's key stands for: the same content key gives the same paragraphs only under the same step and rules.
  const meaning = articleKeysMeaning(articles);
  // What every key starts with, as one part (made once: a story's key is a few parts, not one per article).
  const head = JSON.stringify(["categories", code, meaning]);
  const contentKeys = articles?.contentKeys;
  const keyOrProse = (m: ProseSource) => {
    const content = contentKeys?.get(m.path);
    return content ? `article ${content}` : `prose ${proseOf(m)}`;
  };
  const categorise: Categorise = (members, exclude) => {
    const keys: string[] = [];
    for (const m of members) {
      const content = contentKeys?.get(m.path);
      if (!content) break;
      keys.push(content);
    }
    // Every article by its content key (the usual story): the keys as one part. Else each by its key or its prose.
    const key =
      keys.length === members.length
        ? textsKey([head, `articles ${JSON.stringify(keys)}`, JSON.stringify(exclude)])
        : textsKey([head, "each", String(members.length), ...members.map(keyOrProse), JSON.stringify(exclude)]);
    const hit = pack.get(key);
    if (hit) return hit;
    const found = categoriseArticles(members, exclude);
    pack.put(key, found);
    return found;
  };
  return { categorise, pack };
}
