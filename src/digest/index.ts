// Stage 6: the view model of each day and story (./model.ts), and its reviewable rendering, one
// Markdown digest per day, written to the digests folder.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Story } from "../types.ts";
import { buildModel, type DigestModel, type ModelOptions } from "./model.ts";
import { dayMarkdown, type DigestFile } from "./markdown.ts";
import { makeFolders } from "../text/folders.ts";

export { LEAD_STORIES, namedOutletsOf, publishedDays } from "./model.ts";
export { UNKNOWN_OUTLET, outletOf } from "./outlets.ts";
export type { DayView, DigestModel, FormerId, MonthView, ModelOptions, OutletCount, Redirect, SourceView, StoryRef, StoryView } from "./model.ts";
export type { DigestFile } from "./markdown.ts";
export type { PublishedItem, PublishedItems } from "./published.ts";
export { SHOWN_UNKNOWN } from "./stamps.ts";
export { cachedCategories, type ArticleKeys, type CachedCategories } from "./category-cache.ts";
export { cachedViews, type CachedViews, type ViewStore } from "./view-cache.ts";
export { dayMarkdownKey } from "./markdown-keys.ts";
export { dayMarkdown } from "./markdown.ts";
export { categoriseArticles, categoriser, findCategories, type Categorise, type Categoriser, type FindCategories, type ProseSource } from "./categories.ts";

export interface Digest {
  model: DigestModel;
  files: DigestFile[];
}

const DEFAULTS: ModelOptions = { zone: "UTC", homeDays: 7 };

/** The view model of the stories and its Markdown digests, newest day first. */
export function buildDigest(stories: readonly Story[], options: Partial<ModelOptions> = {}): Digest {
  const model = buildDigestModel(stories, options);
  return { model, files: digestFiles(model) };
}

/** The view model alone (the build makes its digests later, while the site's search index is written). */
export function buildDigestModel(stories: readonly Story[], options: Partial<ModelOptions> = {}): DigestModel {
  return buildModel(stories, { ...DEFAULTS, ...options });
}

/** The model's Markdown digests, newest day first: one a day. */
export function digestFiles(model: DigestModel): DigestFile[] {
  return model.days.map(dayMarkdown);
}

/** The Markdown digests alone. */
export function renderDigests(stories: readonly Story[], options: Partial<ModelOptions> = {}): DigestFile[] {
  return buildDigest(stories, options).files;
}

const DIGEST_NAME = /^\d{4}-\d{2}-\d{2}\.md$/;

/** Writes the digests; a day file left from an earlier build with no stories now is removed. Unchanged files are not rewritten. */
export async function writeDigests(dir: string, files: readonly DigestFile[]): Promise<void> {
  await makeFolders(dir);
  const wanted = new Set(files.map((f) => f.fileName));
  for (const name of await readdir(dir)) if (DIGEST_NAME.test(name) && !wanted.has(name)) await rm(join(dir, name));
  for (const f of files) {
    const path = join(dir, f.fileName);
    const old = await readFile(path, "utf8").catch(() => null);
    if (old !== f.markdown) await writeFile(path, f.markdown);
  }
}
