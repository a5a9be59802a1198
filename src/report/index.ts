// Stage 7: build-report.json. Every input appears once: included, merged into a story, or rejected with a reason.
import type { Message, Rejection, Story } from "../types.ts";
import type { DigestModel } from "../digest/index.ts";

export interface ReportInput {
  path: string;
  status: "included" | "merged" | "rejected";
  story?: string;
  date?: string;
  dateSource?: string;
  reason?: string;
  warnings?: string[];
}

export interface ReportStory {
  id: string;
  date: string;
  title: string;
  members: string[];
  summary: string[];
  followUpOf?: string;
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
}

export function buildReport(stories: readonly Story[], rejected: readonly Rejection[], messages: readonly Message[], model: DigestModel): BuildReport {
  const views = new Map(model.stories.map((v) => [v.id, v]));
  const warnings = new Map<string, string[]>();
  for (const m of messages) warnings.set(m.file, [...(warnings.get(m.file) ?? []), `${m.stage}: ${m.text}`]);
  const inputs: ReportInput[] = [];
  for (const story of stories) {
    story.members.forEach((m, i) => {
      inputs.push({
        path: m.path,
        status: i === 0 ? "included" : "merged",
        story: story.id,
        date: m.date,
        dateSource: m.dateSource,
        ...(warnings.has(m.path) ? { warnings: warnings.get(m.path) } : {}),
      });
    });
  }
  for (const r of rejected) inputs.push({ path: r.path, status: "rejected", reason: r.reason });
  inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
        sources: (view?.sources ?? []).map((src) => ({ path: src.path, outlet: src.outlet, url: src.url, headline: src.headline })),
      };
    }),
  };
}

/** The console summary: counts, then one line per rejected file. */
export function summaryLines(report: BuildReport, days: number): string[] {
  const count = (s: ReportInput["status"]) => report.inputs.filter((i) => i.status === s).length;
  return [
    `digest: ${report.inputs.length} inputs: ${count("included")} included, ${count("merged")} merged, ${count("rejected")} rejected → ${report.stories.length} stories on ${days} days`,
  ];
}
