// The text pipeline from decoded files to stories: clean → date → cluster → resolve dates → summarise.
import type { DatedArticle, Message, Rejection, ResolvedArticle, SourceFile, Story } from "./types.ts";
import type { CleanRule } from "./clean/index.ts";
import { futureDoubts, refile, resolveDates, storyDate, undatedReason } from "./date/index.ts";
import { prepareArticle, rejection, type ArticleClock, type ArticleOutcome } from "./pipeline/article.ts";
import { assignStoryIds, clusterArticles, defaultClusterOptions, publishedStories, type ClusterOptions, type IdentityState } from "./cluster/index.ts";
import { summarise, type StorySummariser, type SummaryInput, type SummaryOptions } from "./summarise/index.ts";
import { articleWordCount, paragraphsOf } from "./text/article-text.ts";
import { dateCopies, type CopyVerdicts } from "./pipeline/copies.ts";
import type { PublishedItem, PublishedItems } from "./digest/index.ts";

export interface PipelineOptions {
  zone: string;
  /** The cleaning rules to run; the default list when absent. */
  rules?: readonly CleanRule[];
  cluster?: ClusterOptions;
  summary?: SummaryOptions;
  /** Story ids earlier builds assigned (the digests folder's state file); ids are kept from it. */
  identity?: IdentityState | null;
  /** When given, filled with the milliseconds each stage took (for the benchmark). */
  timings?: Partial<Record<"clean" | "date" | "terms" | "cluster" | "summarise", number>>;
  /**
   * Each file's per-article outcome, already computed (src/parallel/articles.ts: on threads, from the
   * cache), in the order of `files`. Computed here, one file after another, when absent.
   */
  prepared?: readonly ArticleOutcome[];
  /**
   * How a story is summarised, given a function that makes its inputs (and the articles it makes them from). The build passes one that keeps
   * summaries in the cache and may answer with an empty list that it fills after the pipeline has
   * returned (src/cache/summaries.ts), making the inputs again then: nothing here may read a summary,
   * and the stories' members stay as they are until it is filled.
   */
  summarise?: StorySummariser;
  /** The copy step's verdicts from the last build (src/cache/copies.ts): pairs it compared are not compared again. */
  copyVerdicts?: CopyVerdicts | null;
}

export interface PipelineResult {
  stories: Story[];
  rejected: Rejection[];
  messages: Message[];
  /** Story ids to keep for the next build (`withPublished` adds what the digest model publishes). */
  identity: IdentityState;
  /** The feed items the last build published (its story-id state): the digest model holds its stamps to them. */
  published: PublishedItems;
  /** The copy step's verdicts for the next build; null when it compared nothing (keep the last build's). */
  copyVerdicts: CopyVerdicts | null;
}

export function runPipeline(files: SourceFile[], options: PipelineOptions): PipelineResult {
  const messages: Message[] = [];
  const rejected: Rejection[] = [];
  const dated: DatedArticle[] = [];
  const timings = options.timings ?? {};
  let mark = performance.now();
  const lap = (stage: keyof typeof timings) => {
    const now = performance.now();
    timings[stage] = (timings[stage] ?? 0) + (now - mark);
    mark = now;
  };
  const clock: ArticleClock = { clean: 0, date: 0, terms: 0 };
  const outcomes = options.prepared ?? files.map((file) => prepareArticle(file, options, clock));
  for (let outcome of outcomes) {
    if ("article" in outcome) {
      const article = outcome.article;
      const said = [...article.messages, ...(article.evidence.messages ?? [])];
      const undated = undatedReason(article);
      if (undated) outcome = rejection(article.path, undated, "date", "undated", said);
      else {
        messages.push(...said);
        dated.push(article);
        continue;
      }
    }
    messages.push(...outcome.messages);
    rejected.push(outcome.rejected);
  }
  if (!options.prepared) {
    timings.clean = (timings.clean ?? 0) + clock.clean;
    timings.date = (timings.date ?? 0) + clock.date;
    timings.terms = (timings.terms ?? 0) + clock.terms;
  }
  mark = performance.now();
  // Copies of one article are dated alike, by the copy with the strongest date evidence (pipeline/copies.ts).
  const copies = dateCopies(dated, options.copyVerdicts);
  messages.push(...copies.messages);
  // The articles' `terms` serve clustering alone: let go of them as it reads them. What the last build
  // published weighs in, so that stories do not part and join again as unrelated articles arrive.
  const published = options.identity ? { published: publishedStories(options.identity) } : {};
  const settled = settleStories(options);
  const named = assignStoryIds(clusterArticles(copies.articles, { ...(options.cluster ?? defaultClusterOptions), releaseTerms: true, ...published, onSettled: settled.take }), options.identity ?? null);
  const clusters = named.clusters;
  lap("cluster");
  const publishedOn = publishedDays(options.identity ?? null);
  const ownMembers = publishedMembers(options.identity ?? null);
  const headlines = publishedHeadlines(options.identity ?? null);
  const { doubts, storyOf } = settled.all();
  const stories = clusters.map((cluster): Story => {
    const { members, summary } = storyOf(cluster.members);
    const date = storyDate(members, publishedOn.get(cluster.id) ?? null);
    return {
      id: cluster.id,
      date,
      title: headline(members, date, ownMembers.get(cluster.id), headlines.get(cluster.id)),
      members,
      summary,
      followUpOf: cluster.followUpOf,
      ...(cluster.formerIds ? { formerIds: cluster.formerIds } : {}),
    };
  });
  lap("summarise");
  const records = new Map(named.state.stories.map((r) => [r.id, r]));
  for (const s of stories) Object.assign(records.get(s.id)!, { day: s.date, headline: s.title });
  messages.push(...doubts.messages);
  const ids = new Set(stories.map((s) => s.id));
  for (const s of stories) if (s.followUpOf && !ids.has(s.followUpOf)) s.followUpOf = null;
  stories.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  return { stories, rejected, messages, identity: named.state, published: publishedBy(options.identity ?? null), copyVerdicts: copies.verdicts };
}

interface SettledStories {
  /** The dates found after the build's present (futureDoubts over every story's members). */
  doubts: ReturnType<typeof futureDoubts>;
  /** A story's members, dates resolved, in date order, and its summary, by the cluster's `members`. */
  storyOf: (members: DatedArticle[]) => { members: ResolvedArticle[]; summary: string[] };
}

/**
 * The stories' members (dates resolved) and summaries, asked for as clustering hands out each story once
 * its articles are final (ClusterOptions.onSettled), before it links follow-ups: a summariser that
 * answers later (the build's, src/cache/summaries.ts) can start on them while this thread clusters on.
 */
function settleStories(options: PipelineOptions): { take: NonNullable<ClusterOptions["onSettled"]>; all: () => SettledStories } {
  // A story of its own handed out early: its text and title are its article's, whatever day it is given.
  const early = new Map<DatedArticle[], string[]>();
  let done: SettledStories | null = null;
  const take = (stories: ReadonlyArray<DatedArticle[]>, last: boolean) => {
    if (!last) {
      for (const s of stories) early.set(s, summariseStory(s, options));
      return;
    }
    const resolved = stories.map((members) => resolveDates(members));
    // A day after the build's present (a mistyped year) is warned of and refiled before it can date its story.
    const doubts = futureDoubts(resolved.flat());
    const made = new Map<DatedArticle[], { members: ResolvedArticle[]; summary: string[] }>();
    stories.forEach((story, i) => {
      const members = refile(resolved[i]!, doubts.refiled).sort(byDateThenPath);
      made.set(story, { members, summary: early.get(story) ?? summariseStory(members, options) });
    });
    done = { doubts, storyOf: (members) => made.get(members)! };
  };
  return {
    take,
    all: () => {
      if (!done) throw new Error("clustering handed out no stories");
      return done;
    },
  };
}

/** What the build that left `last` published of each feed item (stories merged away included: their id may come back). */
function publishedBy(last: IdentityState | null): PublishedItems {
  const stories = new Map<string, PublishedItem>();
  for (const r of [...(last?.merged ?? []), ...(last?.stories ?? [])]) if (r.stamp !== undefined && r.shown !== undefined) stories.set(r.id, { stamp: r.stamp, shown: r.shown });
  const days = new Map((last?.days ?? []).map((d) => [d.day, { stamp: d.stamp, shown: d.shown }]));
  return { stories, days };
}

/** `state` (this build's story ids) with what this build's model published (src/digest: `model.published`), for the next build. */
export function withPublished(state: IdentityState, published: PublishedItems): IdentityState {
  const stories = state.stories.map((r) => {
    const item = published.stories.get(r.id);
    return item ? { ...r, stamp: item.stamp, shown: item.shown } : r;
  });
  const days = [...published.days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, item]) => ({ day, stamp: item.stamp, shown: item.shown }));
  return { ...state, stories, days };
}

/** The day each story was published on by the build that left `state` (stories merged away included: their id may come back). */
function publishedDays(state: IdentityState | null): Map<string, string> {
  const days = new Map<string, string>();
  for (const r of [...(state?.stories ?? []), ...(state?.merged ?? [])]) if (r.day) days.set(r.id, r.day);
  return days;
}

/** The headline each story had when the build that left `state` published it. */
function publishedHeadlines(state: IdentityState | null): Map<string, string> {
  const headlines = new Map<string, string>();
  for (const r of state?.stories ?? []) if (r.headline !== undefined) headlines.set(r.id, r.headline);
  return headlines;
}

/** The articles each story held when the build that left `state` published it, by path. */
function publishedMembers(state: IdentityState | null): Map<string, Set<string>> {
  return new Map((state?.stories ?? []).map((r) => [r.id, new Set(r.members.map((m) => m.path))]));
}

function summariseStory(members: readonly DatedArticle[], options: PipelineOptions): string[] {
  const inputs = () => members.map((m): SummaryInput => ({ title: m.title, text: paragraphsOf(m).join("\n") }));
  return options.summarise ? options.summarise(inputs, options.summary, members) : summarise(inputs(), options.summary);
}

function byDateThenPath(a: ResolvedArticle, b: ResolvedArticle): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The story's headline: from the fullest article published on the story's day. An article's own headline
 * wins over opening words made into one ("Not because Mo Cheeks was long for the job …"), from any day.
 * Of those, the articles the story held when last published (`own`) come first, so that its headline
 * holds when outlets join it or another story merges into it (a feed reader would otherwise show the
 * merged-away story's headline twice: its old item and this one). The headline it was published with
 * (`kept`) stays while an article of that tier still has it: a build after the one an outlet joined in
 * would otherwise take the fullest of all its articles, and the headline would change with nothing new.
 */
function headline(members: ResolvedArticle[], date: string, own?: ReadonlySet<string>, kept?: string): string {
  const onDay = members.filter((m) => m.date === date && m.title);
  const headed = members.filter((m) => m.title && !m.titleFromText);
  const headedOnDay = onDay.filter((m) => !m.titleFromText);
  const tier = headedOnDay.length ? headedOnDay : headed.length ? headed : onDay.length ? onDay : members;
  if (kept !== undefined && tier.some((m) => m.title === kept)) return kept;
  const owned = own ? tier.filter((m) => own.has(m.path)) : [];
  const pool = owned.length ? owned : tier;
  if (pool.length === 1) return pool[0]!.title;
  const sized = pool.map((m) => ({ m, words: articleWordCount(m) }));
  return sized.sort((a, b) => b.words - a.words || (a.m.path < b.m.path ? -1 : 1))[0]!.m.title;
}
