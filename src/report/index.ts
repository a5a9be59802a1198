// Stage 7: build-report.json. Every input appears once: included, merged into a story, or rejected with a reason.
import type { Message, Rejection, ResolvedArticle, Story } from "../types.ts";
import type { DigestModel } from "../digest/index.ts";
import { counted } from "../text/counted.ts";
import { fileTimeMessage } from "../date/index.ts";
import { REPORT_FILE } from "../output/index.ts";
export { writeJsonFile } from "./write-json.ts";

export interface ReportInput {
  path: string;
  status: "included" | "merged" | "rejected";
  story?: string;
  date?: string;
  dateSource?: string;
  reason?: string;
  /** Every message about this input, from every stage, in the order they were raised. */
  messages: ReportMessage[];
}

/** A message as the report gives it: the input it concerns is the entry it sits in. */
export interface ReportMessage {
  stage: Message["stage"];
  rule: string;
  level: Message["level"];
  text: string;
  line?: number;
}

export interface ReportStory {
  id: string;
  date: string;
  title: string;
  members: string[];
  summary: string[];
  followUpOf?: string;
  /**
   * Ids of earlier stories merged into this one (their permalinks redirect here, their feed entries now
   * stand for this story): a story id published once is a story of the report, or named here, or withdrawn
   * (every article of it deleted).
   */
  formerIds?: string[];
  /** Why it is held back from the feeds and the front page, when every article in it is one the article gate doubts (src/digest `heldBack`). */
  heldBack?: string;
  /** One per member article: its outlet's name (null when nothing names it), its URL and headline. */
  sources: ReportSource[];
}

export interface ReportSource {
  path: string;
  outlet: string | null;
  url: string | null;
  headline: string;
}

export interface BuildReport {
  inputs: ReportInput[];
  stories: ReportStory[];
  /** Messages about no input but the build's own files (the story-id state file missing), when there are any. */
  messages?: BuildMessage[];
}

/** A message about a file of the build's own, named as the build was given it. */
export interface BuildMessage extends ReportMessage {
  file: string;
}

/** The rule of the warning on an article dated by its file's time whose day is not the one the last build gave it. */
export const FILE_DAY_MOVED_RULE = "file-day-moved";

/**
 * The days the last build's report (the text of its REPORT_FILE, which the CLI reads) gave the articles it dated by their files' times,
 * by path; empty when there is no report or it cannot be read (a report is the build's own file, never an input).
 */
export function lastFileDays(text: string | null): Map<string, string> {
  const days = new Map<string, string>();
  if (text === null) return days;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return days;
  }
  const inputs = typeof parsed === "object" && parsed !== null && "inputs" in parsed ? parsed.inputs : null;
  if (!Array.isArray(inputs)) return days;
  for (const input of inputs as unknown[]) {
    if (typeof input !== "object" || input === null) continue;
    const { path, date, dateSource } = input as { path?: unknown; date?: unknown; dateSource?: unknown };
    if (dateSource === "file-mtime" && typeof path === "string" && typeof date === "string") days.set(path, date);
  }
  return days;
}

/**
 * An article dated by its file's time now, and by its file's time on another day in the last build: its file was
 * written since (or copied by something that does not keep file times), so its day, and perhaps its story's, moved.
 */
function fileDayMovedMessage(a: ResolvedArticle, was: string | undefined): ReportMessage | null {
  if (a.dateSource !== "file-mtime" || was === undefined || was === a.date) return null;
  return { stage: "date", rule: FILE_DAY_MOVED_RULE, level: "warning", text: `moved from ${was} to ${a.date} since the last build: its text states no date and its file's time changed (a copy that does not keep file times, such as cp -r, re-dates it; cp -a or rsync -a keep them)` };
}

/** `lastDays`: the last build's days of its file-dated articles (lastFileDays), to say which of them moved day. */
export function buildReport(stories: readonly Story[], rejected: readonly Rejection[], messages: readonly Message[], model: DigestModel, lastDays: ReadonlyMap<string, string> = new Map()): BuildReport {
  const views = new Map(model.stories.map((v) => [v.id, v]));
  const records = new Map<string, ReportMessage[]>();
  for (const m of messages) {
    const list = records.get(m.file);
    if (list) list.push(reportMessage(m));
    else records.set(m.file, [reportMessage(m)]);
  }
  const inputs: ReportInput[] = [];
  for (const story of stories) {
    const heldBack = views.get(story.id)?.heldBack;
    story.members.forEach((m, i) => {
      const said = records.get(m.path) ?? [];
      const undated = fileTimeMessage(m, said);
      const moved = fileDayMovedMessage(m, lastDays.get(m.path));
      const added = [...(undated ? [reportMessage(undated)] : []), ...(moved ? [moved] : []), ...(heldBack === undefined ? [] : [heldBackMessage(story.id)])];
      inputs.push({
        path: m.path,
        status: i === 0 ? "included" : "merged",
        story: story.id,
        date: m.date,
        dateSource: m.dateSource,
        messages: added.length ? [...said, ...added] : said,
      });
    });
  }
  for (const r of rejected) {
    const own = records.get(r.path) ?? [];
    // A rejection always shows as an error record, even from a stage that raised none itself.
    const said = own.some((m) => m.level === "error" && m.text === r.reason);
    const messages = said ? own : [...own, { stage: r.stage ?? "ingest", rule: r.rule ?? "rejected", level: "error" as const, text: r.reason }];
    inputs.push({ path: r.path, status: "rejected", reason: r.reason, messages });
  }
  inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Every message is in the report: those about no input, on their own.
  const listed = new Set(inputs.map((i) => i.path));
  const own = messages.filter((m) => !listed.has(m.file)).map((m): BuildMessage => ({ file: m.file, ...reportMessage(m) }));
  return {
    inputs,
    stories: stories.map((s) => {
      const view = views.get(s.id);
      return {
        id: s.id,
        date: s.date,
        title: view?.headline ?? s.title,
        members: s.members.map((m) => m.path),
        summary: s.summary,
        ...(s.followUpOf ? { followUpOf: s.followUpOf } : {}),
        ...(s.formerIds?.length ? { formerIds: [...s.formerIds] } : {}),
        ...(view?.heldBack === undefined ? {} : { heldBack: view.heldBack }),
        sources: (view?.sources ?? []).map((src) => ({ path: src.path, outlet: src.outlet, url: src.url, headline: src.headline })),
      };
    }),
    ...(own.length ? { messages: own } : {}),
  };
}

/** The digest's warning on each input of a held-back story: the story is on its day's page and its own, in no feed. */
function heldBackMessage(story: string): ReportMessage {
  return { stage: "digest", rule: "held-back", level: "warning", text: `story ${story} is held back from the feeds and the front page: every page in it may not be an article (the article gate's doubt)` };
}

function reportMessage(m: Message): ReportMessage {
  return { stage: m.stage, rule: m.rule, level: m.level, text: m.text, ...(m.line !== undefined ? { line: m.line } : {}) };
}

/**
 * Characters a name cannot show on a terminal as they are: controls (a line break would split the line, an
 * escape sequence would recolour it), line separators, and bidirectional controls, which would show the
 * name's end, and the reason after it, reversed ("evil\u202Etxt.exe.pdf" reads "evilfdp.exe.txt").
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A path as a terminal line shows it: as it is, or quoted with its unshowable characters escaped. */
function shownPath(path: string): string {
  if (!UNSHOWABLE.test(path)) return path;
  return JSON.stringify(path).replace(new RegExp(UNSHOWABLE.source, "g"), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * One stderr line per rejected input, naming it and saying why (a name with a line break or a bidi control in it
 * is quoted), with how its bytes were read when that was a guess ("not valid UTF-8; read as Windows-1252"): text
 * read in the wrong encoding is rejected as page furniture, and the line shows the likely cause.
 */
export function rejectionLines(report: BuildReport): string[] {
  const name = shownPath;
  return report.inputs
    .filter((i) => i.status === "rejected")
    .map((i) => {
      const read = i.messages.filter((m) => m.rule === "decode" && m.level === "warning").map((m) => m.text);
      const why = `${i.reason ?? ""}${read.length ? ` (${read.join("; ")})` : ""}`;
      return `digest: rejected ${name(i.path)}: ${why.replace(/\s+/g, " ")}`;
    });
}

/**
 * One stderr line for the inputs kept with warnings (the rejected have their own lines): how many, and how
 * many per rule, so a build that kept a doubtful page says so without a line per page.
 */
export function warningLines(report: BuildReport): string[] {
  const byRule = new Map<string, number>();
  let inputs = 0;
  for (const input of report.inputs) {
    if (input.status === "rejected") continue;
    const rules = new Set(input.messages.filter((m) => m.level === "warning").map((m) => m.rule));
    if (rules.size === 0) continue;
    inputs++;
    for (const rule of rules) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  if (inputs === 0) return [];
  const counts = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => `${rule} ${n}`);
  return [`digest: warning: ${counted(inputs, "input")} kept with warnings (${counts.join(", ")}); each is listed in ${REPORT_FILE}`];
}

/**
 * One stderr line when articles dated by their files' times are on another day than the last build gave them (a
 * folder copied with `cp -r` re-dates every one): a reader's stories moved day, and the build says so.
 */
export function movedDayLines(report: BuildReport): string[] {
  const moved = report.inputs.filter((i) => i.messages.some((m) => m.rule === FILE_DAY_MOVED_RULE));
  if (moved.length === 0) return [];
  return [`digest: warning: ${counted(moved.length, "article")} dated by ${moved.length === 1 ? "its file's time" : "their files' times"} moved to another day since the last build (${shownPath(moved[0]!.path)}${moved.length > 1 ? ", …" : ""}): their files' times changed, as a copy without them (cp -r) does; ${REPORT_FILE} names each (rule ${FILE_DAY_MOVED_RULE})`];
}

/** The console summary: one line of counts. */
export function summaryLines(report: BuildReport, days: number): string[] {
  const count = (s: ReportInput["status"]) => report.inputs.filter((i) => i.status === s).length;
  const held = report.stories.filter((s) => s.heldBack !== undefined).length;
  return [
    `digest: ${counted(report.inputs.length, "input")}: ${count("included")} included, ${count("merged")} merged, ${count("rejected")} rejected → ${counted(report.stories.length, "story", "stories")} on ${counted(days, "day")}${held ? ` (${held} held back: not in the feeds)` : ""}`,
  ];
}
