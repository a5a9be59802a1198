// What `digest build` runs once it knows something changed: loaded only then (src/cli/build.ts), so
// that a build that finds nothing changed does not load and compile the cleaning, clustering,
// summarising, view-model, feed and report code (about half of the command's modules).
export { runPipeline, withPublished } from "../pipeline.ts";
export { categoriesAhead } from "../pipeline/categories-ahead.ts";
export { fileTimeWarning } from "../date/index.ts";
export { rulesWithout } from "../clean/index.ts";
export { buildDigestModel, cachedCategories, cachedViews } from "../digest/index.ts";
export { writeFeeds } from "../feed/index.ts";
export { buildReport, lastFileDays, movedDayLines, rejectionLines, summaryLines, warningLines, writeJsonFile } from "../report/index.ts";
export { prepareArticles, startArticleThreads } from "../parallel/articles.ts";
export { AHEAD_CHUNK, startSummaryThreads, summariesAhead, summariseAll } from "../parallel/summaries.ts";
export { cachedSummaries } from "../cache/summaries.ts";
export { cachedClusterRows } from "../cache/cluster-rows.ts";
export { cachedCopyVerdicts } from "../cache/copies.ts";
export { cachedFeedItems } from "../feed/index.ts";
export { defaultClusterOptions, IDENTITY_FILE, parseIdentityState, serializeIdentityState } from "../cluster/index.ts";
export { keepStoryIds, lastReportText, readStoryIds } from "./story-ids.ts";
export { stageDays } from "./day-files.ts";
