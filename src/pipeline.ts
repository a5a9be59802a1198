// The text pipeline from decoded files to stories: clean → date → cluster → resolve dates → summarise.
import type { CleanArticle, Message, Rejection, ResolvedArticle, SourceFile, Story } from "./types.ts";
import { cleanSource, InputRejected, type CleanRule } from "./clean/index.ts";
import { dateArticles, resolveDates, storyDate } from "./date/index.ts";
import { assignStoryIds, clusterArticles, defaultClusterOptions, type ClusterOptions, type IdentityState } from "./cluster/index.ts";
import { summarise, type SummaryOptions } from "./summarise/index.ts";
import { countWords } from "./text/words.ts";

export interface PipelineOptions {
  zone: string;
  /** The cleaning rules to run; the default list when absent. */
  rules?: readonly CleanRule[];
  cluster?: ClusterOptions;
  summary?: SummaryOptions;
  /** Story ids earlier builds assigned (the digests folder's state file); ids are kept from it. */
  identity?: IdentityState | null;
  /** When given, filled with the milliseconds each stage took (for the benchmark). */
  timings?: Partial<Record<"clean" | "date" | "cluster" | "summarise", number>>;
}

export interface PipelineResult {
  stories: Story[];
  rejected: Rejection[];
  messages: Message[];
  /** Story ids to keep for the next build. */
  identity: IdentityState;
}

/** Fewer words than this after cleaning and the file held no article, only page furniture. */
const MIN_ARTICLE_WORDS = 15;

export function runPipeline(files: SourceFile[], options: PipelineOptions): PipelineResult {
  const messages: Message[] = [];
  const rejected: Rejection[] = [];
  const articles: CleanArticle[] = [];
  const timings = options.timings ?? {};
  let mark = performance.now();
  const lap = (stage: keyof typeof timings) => {
    const now = performance.now();
    timings[stage] = (timings[stage] ?? 0) + (now - mark);
    mark = now;
  };
  for (const file of files) {
    let article: CleanArticle;
    try {
      article = cleanSource(file, options.rules);
    } catch (error) {
      if (error instanceof InputRejected) {
        rejected.push({ path: file.path, reason: error.message });
        continue;
      }
      // A page nested thousands of levels deep exhausts the stack; say so rather than quote the engine.
      const why = error instanceof RangeError ? "markup nested too deeply to read" : (error as Error).message;
      rejected.push({ path: file.path, reason: `could not be cleaned: ${why}` });
      continue;
    }
    messages.push(...article.messages);
    const words = countWords(article.paragraphs.join(" "));
    if (words < MIN_ARTICLE_WORDS) {
      rejected.push({ path: file.path, reason: words === 0 ? "no article text found (only page furniture)" : `too little article text after cleaning (${words} words)` });
      continue;
    }
    if (!article.title) article.title = firstWords(article.paragraphs[0] ?? "", 12);
    articles.push(article);
  }
  lap("clean");
  const dated = dateArticles(articles, { zone: options.zone });
  lap("date");
  const named = assignStoryIds(clusterArticles(dated, options.cluster ?? defaultClusterOptions), options.identity ?? null);
  const clusters = named.clusters;
  lap("cluster");
  const stories = clusters.map((cluster): Story => {
    const members = resolveDates(cluster.members).sort(byDateThenPath);
    const date = storyDate(members);
    return {
      id: cluster.id,
      date,
      title: headline(members, date),
      members,
      summary: summarise(members.map((m) => ({ title: m.title, text: m.paragraphs.join("\n") })), options.summary),
      followUpOf: cluster.followUpOf,
      ...(cluster.formerIds ? { formerIds: cluster.formerIds } : {}),
    };
  });
  lap("summarise");
  const ids = new Set(stories.map((s) => s.id));
  for (const s of stories) if (s.followUpOf && !ids.has(s.followUpOf)) s.followUpOf = null;
  stories.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  return { stories, rejected, messages, identity: named.state };
}

function byDateThenPath(a: ResolvedArticle, b: ResolvedArticle): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The story's headline: from the fullest article published on the story's day. */
function headline(members: ResolvedArticle[], date: string): string {
  const onDay = members.filter((m) => m.date === date && m.title);
  const pool = onDay.length ? onDay : members;
  if (pool.length === 1) return pool[0]!.title;
  const sized = pool.map((m) => ({ m, words: countWords(m.paragraphs.join(" ")) }));
  return sized.sort((a, b) => b.words - a.words || (a.m.path < b.m.path ? -1 : 1))[0]!.m.title;
}

function firstWords(text: string, n: number): string {
  const words = text.split(/\s+/);
  return words.length > n ? `${words.slice(0, n).join(" ")} …` : text;
}
