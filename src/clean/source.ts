// Who published a plain-text scrape, when the page says so itself: its copyright line, or the wire
// service credited in the dateline or at the end of the text. Bylines give the author.
import type { Line } from "./doc.ts";

const COPYRIGHT_MARK = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*/i;
const YEARS = /^\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*/;
const RESERVED = /\s*\ball rights reserved\b\.?\s*/gi;
const COMPANY_TAIL = /[\s,]+(?:ltd|llc|inc|limited|plc|gmbh|corp|co)\b\.?.*$/i;
// The name runs to the first comma, bar or sentence full stop ("Phys.org" keeps its dot).
const NAME = /^(?:[Bb]y\s+)?(?:[Tt]he\s+)?(\p{Lu}[\p{L}\p{N}&'’ -]*(?:\.\p{Ll}[\p{L}\p{N}&'’ -]*)*)/u;
// What follows a name on such lines: a year, " - ISSN …", " powered by …".
const AFTER_NAME = /\s+(?:\d{4}\b|[-–|]\s|powered by\b).*$/i;
const WIRES = "Reuters|AFP|AP|Associated Press|Agence France-Presse|dpa|ANI|PTI|IANS|Xinhua|Bloomberg|ANSA|EFE|Kyodo|Yonhap|UPI|TASS";
const DATELINE_WIRE = new RegExp(`^[\\p{Lu}][\\p{Lu}\\p{L} .,'’-]{1,60}\\((${WIRES})\\)\\s*[-–—:]`, "u");
const CLOSING_WIRE = new RegExp(`(?:^|[.!?"”’)]\\s+|[-–—]\\s*)(${WIRES}|REUTERS)\\.?$`, "u");
const BYLINE = /^[Bb]y\s+(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|van|von|da|al|bin))*(?:\s+and\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)*)?)\s*(?:[,|·•]|$)/u;
const GENERIC = /^(all rights reserved|the|this|image|photo|getty|\d+)$/i;

export interface TextSource {
  source: string | null;
  author: string | null;
}

export function sourceOfText(lines: readonly Line[], body: readonly Line[]): TextSource {
  let source: string | null = null;
  for (let i = lines.length - 1; i >= 0 && !source; i--) {
    const t = lines[i]!.text;
    if (t.length > 160) continue;
    source = copyrightHolder(t);
  }
  const first = body[0]?.text ?? "";
  const last = body[body.length - 1]?.text ?? "";
  const wire = DATELINE_WIRE.exec(first)?.[1] ?? CLOSING_WIRE.exec(last)?.[1] ?? null;
  source ??= wire ? tidy(wire.toUpperCase() === "REUTERS" ? "Reuters" : wire) : null;
  let author: string | null = null;
  for (const l of lines.slice(0, 80)) {
    const m = l.words <= 12 ? BYLINE.exec(l.text) : null;
    if (m) {
      author = m[1]!.trim();
      break;
    }
  }
  return { source, author };
}

/** "© 2019 The Foo Times Ltd. All Rights Reserved." → "Foo Times". */
function copyrightHolder(line: string): string | null {
  const mark = COPYRIGHT_MARK.exec(line);
  if (!mark) return null;
  const rest = line.slice(mark[0].length).replace(YEARS, "").replace(RESERVED, " ").trim().replace(YEARS, "");
  const m = NAME.exec(rest);
  if (!m) return null;
  const name = tidy(m[1]!.replace(AFTER_NAME, "").replace(COMPANY_TAIL, ""));
  return name.length >= 2 && !GENERIC.test(name) ? name : null;
}

function tidy(name: string): string {
  return name.replace(/[\s.,|-]+$/, "").trim();
}
