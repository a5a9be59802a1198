// What a story's view takes from its articles (sources, outlets, credit, categories, language, stamp),
// from the build cache: a story whose own fields and articles are what they were (and the model's code,
// and the zone) has the same parts, and one new article leaves most stories so. The view itself, with
// what other stories lend it (follow-up links, rank, the settled stamp), is made each build (./model.ts);
// the hash of what its feed item shows is kept beside the parts with the day and links it was made with.
//
// The key is a hash of everything the parts are made from: the story's id, title and summary, and per
// article its path, day and how it was found, and file time, with its title, metadata and prose stood in
// for by what it was cleaned from (`ArticleKeys`: the input's content key, under the article step's code
// and rules, which is how the build cache keys the cleaned article itself), else by its format, title and
// metadata as they are and the hash of its headline and paragraphs the build cache keeps (`text`). A
// story with an article that has neither is made afresh and not kept.
import { hash } from "node:crypto";
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { articleKeysMeaning, type ArticleKeys } from "../cache/article-keys.ts";
import { isObject, type DiskCache, type Namespace, type Pack } from "../cache/pack.ts";
import type { ResolvedArticle, Story } from "../types.ts";
import type { SourceView, StoryView } from "./model.ts";
import type { Stamp } from "./stamps.ts";

/** The parts of a story's view that are its articles' alone (./model.ts `viewParts`): the view's own fields, but `listed` by place in `sources`. */
export interface ViewParts extends Pick<StoryView, "sources" | "headline" | "outlets" | "credit" | "namedOutlets" | "breadth" | "dayFromFiles" | "heldBack" | "categories" | "language"> {
  /** The sources a reader is shown, by their place in `sources`. */
  listed: number[];
  stamp: Stamp;
  /** A hash of what its feed item showed (./published.ts `storyShown`), with the day and follow-up links it was made with (./model.ts `shownRefs`). */
  shown?: [refs: string, hash: string];
}

/** The views' parts a build looks up and keeps (ModelOptions.views). */
export interface ViewStore {
  /** The story's key in `zone`, or null when an article has no stand-in for its prose (made afresh, not kept). */
  key(story: Story, zone: string): string | null;
  get(key: string): ViewParts | undefined;
  put(key: string, parts: ViewParts): void;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const orNull = (v: unknown, is: (x: unknown) => boolean) => v === null || is(v);

function isSource(v: unknown): v is SourceView {
  return isObject(v) && isString(v.path) && orNull(v.outlet, isString) && isString(v.label) && orNull(v.url, isString) && isString(v.headline) && isLanguage(v.language) && isString(v.date);
}

function isLanguage(v: unknown): boolean {
  return isObject(v) && orNull(v.lang, isString) && orNull(v.dir, isString);
}

function isStamp(v: unknown): v is Stamp {
  return isObject(v) && isString(v.updated) && Number.isFinite(v.at) && typeof v.held === "boolean" && orNull(v.from, Number.isFinite);
}

/** Whether a value read back is a story's parts: each field of its kind, every listed place among the sources. */
export function isViewParts(v: unknown): v is ViewParts {
  if (!isObject(v) || !Array.isArray(v.sources) || !v.sources.every(isSource) || !Array.isArray(v.listed)) return false;
  const count = v.sources.length;
  if (!v.listed.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < count)) return false;
  const language = v.language;
  return (
    isString(v.headline) &&
    isStrings(v.outlets) &&
    isString(v.credit) &&
    isStrings(v.namedOutlets) &&
    Number.isInteger(v.breadth) &&
    typeof v.dayFromFiles === "boolean" &&
    (v.heldBack === undefined || isString(v.heldBack)) &&
    isStrings(v.categories) &&
    isObject(language) &&
    orNull(language.lang, isString) &&
    orNull(language.dir, isString) &&
    isStamp(v.stamp) &&
    (v.shown === undefined || (Array.isArray(v.shown) && v.shown.length === 2 && v.shown.every(isString)))
  );
}

const viewsNamespace: Namespace<ViewParts> = { name: "story-views", accepts: isViewParts };

export interface CachedViews {
  store: ViewStore | null;
  /** Commit it once the model is built; null without a cache. */
  pack: Pack<ViewParts> | null;
}

/** What stands for an article's title, metadata and prose in a key, or null when nothing does. */
type ArticleKey = (m: ResolvedArticle) => unknown[] | null;

/** The key of a story's parts (`code`: the model's code). */
export function viewKey(code: string, zone: string, story: Story, article: ArticleKey): string | null {
  const members: unknown[] = [];
  for (const m of story.members) {
    const stand = article(m);
    if (stand === null) return null;
    members.push([m.path, m.date, m.dateSource, m.mtime.getTime(), ...stand]);
  }
  // One string hashed at once: an update per field cost more than the JSON.
  return hash("sha256", JSON.stringify([code, zone, story.id, story.title, story.summary, members])).slice(0, 32);
}

export async function cachedViews(cache: DiskCache | null, articles?: ArticleKeys): Promise<CachedViews> {
  if (!cache) return { store: null, pack: null };
  const pack = await cache.open(viewsNamespace, "all");
  // The model's code, and the module that keeps and restores cleaned articles (whose key the content key stands in for).
  // The content keys' meaning (the article step's code and every rule's name, some 350 characters) is the
  // same for every article: hashed once into the code, not framed again in each member of every story's key.
  const code = hash("sha256", `${codeHash([moduleUrl("./model", import.meta.url), moduleUrl("../cache/articles", import.meta.url)])}\narticle ${articleKeysMeaning(articles)}`).slice(0, 32);
  const article: ArticleKey = (m) => {
    const content = articles?.contentKeys.get(m.path);
    if (content) return ["article", content];
    return m.text ? ["text", m.format, m.title, m.meta, m.text.hash] : null;
  };
  const store: ViewStore = {
    key: (story, zone) => viewKey(code, zone, story, article),
    get: (key) => pack.get(key),
    put: (key, parts) => void pack.put(key, parts),
  };
  return { store, pack };
}
