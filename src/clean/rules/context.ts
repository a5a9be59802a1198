// Lines inside the body that are not running prose: subheadings and list items stay when the
// article's prose surrounds them; captions, bylines, share rows and link lists go (jusText's idea).
import type { CleanRule } from "./types.ts";
import { bodyIndices, dropLine, isHeadlineLike, type Line, type TextDoc } from "../doc.ts";

type Kind = "good" | "bad" | "short";

const URL_LINE = /^(https?:\/\/|www\.)\S+$/i;
const BYLINE = /^([Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Oo]leh|[Оо]т)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s*(,|and|&)\s*\p{Lu}.*)?$/u;
const LABEL = /^(image|media|photo|video|picture|graphic)\s*(caption|copyright|source|credit)\b/i;
const SEPARATORS = /[|•·»›]/;

/** A headline glued to its teaser text, as card links read in innerText: "Bill At SteakhouseA party of six…". */
export function isGluedTeaser(line: Line): boolean {
  const m = /[\p{Ll}?!'’"”)](\p{Lu}\p{Ll})/u.exec(line.text);
  if (!m || m.index < 12) return false;
  const head = line.text.slice(0, m.index + 1);
  const ws = head.split(/\s+/);
  if (ws.length < 4 || /[.!]\s/.test(head)) return false;
  const capped = ws.filter((w) => /^["'“‘(]?[\p{Lu}\p{N}$]/u.test(w)).length;
  return capped / ws.length >= 0.8;
}

export function lineKind(line: Line): Kind {
  if (line.prose && !isGluedTeaser(line)) return "good";
  if (line.words <= 2 || URL_LINE.test(line.text) || BYLINE.test(line.text) || LABEL.test(line.text)) return "bad";
  if (SEPARATORS.test(line.text) && line.words <= 12) return "bad";
  if (isGluedTeaser(line)) return "bad";
  return "short";
}

/**
 * Runs of short lines between two prose lines are kept (subheadings, list items, one-line
 * paragraphs); at the edges of the body, or next to page furniture, they go.
 */
export const shortLineContext: CleanRule = {
  name: "short-line-context",
  apply(doc: TextDoc) {
    if (doc.origin === "html") return;
    const body = bodyIndices(doc);
    const kinds = body.map((i) => lineKind(doc.lines[i]!));
    if (!kinds.includes("good")) return;
    for (let k = 0; k < body.length; k++) if (kinds[k] === "bad") dropLine(doc, body[k]!, "short-line-context");
    let k = 0;
    while (k < body.length) {
      if (kinds[k] !== "short") {
        k++;
        continue;
      }
      let e = k;
      while (e < body.length && kinds[e] === "short") e++;
      const before = k > 0 ? kinds[k - 1] : undefined;
      const after = e < body.length ? kinds[e] : undefined;
      const run = body.slice(k, e).map((i) => doc.lines[i]!);
      const teasers = run.filter((l) => isHeadlineLike(l) && l.caps > 0.6).length;
      // Above the first paragraph: kicker, byline, promo. After the last: a list of other headlines.
      // Between paragraphs, or a list closing the article: content.
      const keep = before !== undefined && (after === "good" || (after === undefined && teasers < run.length / 2));
      if (!keep) for (let j = k; j < e; j++) dropLine(doc, body[j]!, "short-line-context");
      k = e;
    }
  },
};
