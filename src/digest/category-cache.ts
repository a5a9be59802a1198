// A story's categories from the build cache: finding the names in every article's prose is most of
// what the view model costs, and a story whose articles and outlets are what they were has the same
// categories. Keyed by the categories code, the articles and the outlets left out.
//
// An article stands in the key for its prose by what it was cleaned from, when the build says so
// (`ArticleKeys`: the input's content key, under the cleaning code and rules, decides its paragraphs),
// else by its prose itself. Hashing every story's prose again each build was most of the lookup's cost.
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { articleKeysMeaning, type ArticleKeys } from "../cache/article-keys.ts";
import { isObject, textsKey, type DiskCache, type Namespace, type Pack } from "../cache/pack.ts";
import { categoriseArticles, categoriser, findCategories, proseOf, type Categoriser, type FoundCategories } from "./categories.ts";

export type { Categorise, Categoriser } from "./categories.ts";
export type { ArticleKeys } from "../cache/article-keys.ts";

const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

// A list of names alone is what a cache of before stop 71 holds: accepted, so that the first build after an
// upgrade does not call those lines damaged, but never a hit (its keys are of other categories code).
const categoriesNamespace: Namespace<FoundCategories | string[]> = {
  name: "categories",
  accepts: (v): v is FoundCategories | string[] =>
    isNames(v) || (isObject(v) && isNames(v.categories) && (v.language === null || typeof v.language === "string")),
};

export interface CachedCategories {
  categorise: Categoriser;
  /** Commit it once the model is built; null without a cache. */
  pack: Pack<FoundCategories | string[]> | null;
}

export async function cachedCategories(cache: DiskCache | null, articles?: ArticleKeys): Promise<CachedCategories> {
  if (!cache) return { categorise: categoriseArticles, pack: null };
  const pack = await cache.open(categoriesNamespace, "all");
  const code = codeHash([moduleUrl("./categories", import.meta.url)]);
  // What an article's key stands for: the same content key gives the same paragraphs only under the same step and rules.
  const meaning = articleKeysMeaning(articles);
  const find = (members: Parameters<Categoriser>[0], exclude: readonly string[], language?: string | null): FoundCategories => {
    const each = members.map((m) => {
      const content = articles?.contentKeys.get(m.path);
      return content ? `article ${content}` : `prose ${proseOf(m)}`;
    });
    const key = textsKey(["categories", code, meaning, language && language !== "en" ? `language ${language}` : "prose", String(each.length), ...each, String(exclude.length), ...exclude]);
    const hit = pack.get(key);
    if (hit && !Array.isArray(hit)) return hit;
    const found = findCategories(members, exclude, language);
    pack.put(key, found);
    return found;
  };
  return { categorise: categoriser(find), pack };
}
