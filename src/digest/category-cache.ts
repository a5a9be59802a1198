// A story's categories from the build cache: finding the names in every article's prose is most of
// what the view model costs, and a story whose articles and outlets are what they were has the same
// categories. Keyed by the categories code, the articles and the outlets left out.
//
// An article stands in the key for its prose by what it was cleaned from, when the build says so
// (`ArticleKeys`: the input's content key, under the cleaning code and rules, decides its paragraphs),
// else by its prose itself. Hashing every story's prose again each build was most of the lookup's cost.
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { articleKeysMeaning, type ArticleKeys } from "../cache/article-keys.ts";
import { textsKey, type DiskCache, type Namespace, type Pack } from "../cache/pack.ts";
import { categoriseArticles, proseOf, type Categorise } from "./categories.ts";

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
  const categorise: Categorise = (members, exclude, language) => {
    const each = members.map((m) => {
      const content = articles?.contentKeys.get(m.path);
      return content ? `article ${content}` : `prose ${proseOf(m)}`;
    });
    const key = textsKey(["categories", code, meaning, language && language !== "en" ? `language ${language}` : "prose", String(each.length), ...each, String(exclude.length), ...exclude]);
    const hit = pack.get(key);
    if (hit) return hit;
    const found = categoriseArticles(members, exclude, language);
    pack.put(key, found);
    return found;
  };
  return { categorise, pack };
}
