// keep-lead, text dumps only: when the headline stands above the body run, the lines between them are
// a standfirst or the article's lead as often as a byline, a date or a share row. A learned model
// (logistic regression over lead-features.ts, trained by `npm run train:clean` on the tuning halves)
// brings back those that read as article text; the run then starts at the first of them.
import type { CleanRule } from "./types.ts";
import type { TextDoc } from "../doc.ts";
import { loadModel, logit, type LogisticModel } from "../../model/logistic.ts";
import { LEAD_FEATURES, leadGap, leadRows } from "../lead-features.ts";
import weights from "../weights/lead-text.json" with { type: "json" };

export interface LeadModel {
  model: LogisticModel;
  /** A gap line comes back when the model's log-odds reach this; null: none does (the rule is off). */
  cut: number | null;
}

let committed: LeadModel | null = null;

export function leadModel(): LeadModel {
  const file = weights as { model: unknown; cut: unknown };
  if (file.cut !== null && typeof file.cut !== "number") throw new Error("model clean/text-lead: weights file is damaged");
  return (committed ??= { model: loadModel(file.model, LEAD_FEATURES), cut: file.cut });
}

/** The rule with the given model (training tries its own); `keepLead` uses the committed one. */
export function leadRule(model: () => LeadModel): CleanRule {
  return {
    name: "keep-lead",
    apply(doc: TextDoc) {
      if (doc.origin !== "text" || doc.noArticle) return;
      const m = model();
      if (m.cut === null) return;
      const gap = leadGap(doc);
      if (gap.length === 0) return;
      let first = -1;
      for (const r of leadRows(doc, gap)) {
        if (logit(m.model, r.x) < m.cut) continue;
        doc.lines[r.index]!.drop = null;
        if (first < 0) first = r.index;
      }
      if (first >= 0) doc.start = first;
    },
  };
}

export const keepLead: CleanRule = leadRule(leadModel);
