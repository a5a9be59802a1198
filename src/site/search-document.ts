// What Pagefind is sent of a page (./search.ts): the element marked data-pagefind-body, without what it
// would ignore, in a bare document. Apart from search.ts so that the rendering thread (./render-worker.ts)
// makes the documents without loading Pagefind's client.

const BODY_MARK = "data-pagefind-body";
const IGNORE_MARK = "data-pagefind-ignore";

/**
 * Where the marked element of `html` starts, and its tag, or null when it has none. The mark counts only
 * as an attribute of a tag: text and attribute values are escaped (no "<", ">" or '"' in them), so a
 * headline that reads "data-pagefind-body" (in the page's title, say) is not taken for it.
 */
function markedTag(html: string, attribute = BODY_MARK, from = 0): { start: number; mark: number; tag: string } | null {
  for (let mark = html.indexOf(attribute, from); mark >= 0; mark = html.indexOf(attribute, mark + 1)) {
    const start = html.lastIndexOf("<", mark);
    if (start < 0 || html.lastIndexOf(">", mark) > start) continue;
    if (!/\s/.test(html[mark - 1] ?? "") || !/[\s>/=]/.test(html[mark + attribute.length] ?? "")) continue;
    let quotes = 0;
    for (let i = html.indexOf('"', start); i >= 0 && i < mark; i = html.indexOf('"', i + 1)) quotes++;
    if (quotes % 2) continue;
    const tag = /^<([a-z][a-z0-9]*)\s/i.exec(html.slice(start, mark))?.[1];
    return tag ? { start, mark, tag } : null;
  }
  return null;
}

/** The marked element of `html`, or null when it has none or nests it. */
export function markedElement(html: string): string | null {
  const found = markedTag(html);
  if (!found) return null;
  const { start, mark, tag } = found;
  const end = html.indexOf(`</${tag}>`, mark);
  if (end < 0 || html.slice(start + 1, end).includes(`<${tag}`)) return null;
  return html.slice(start, end + tag.length + 3);
}

/**
 * `element` without the elements in it marked data-pagefind-ignore, which Pagefind would not index: what
 * it is sent is then what it indexes, so a page that changed only there is sent as it was, and its bundle
 * (keyed by what its pages are sent: ./index.ts) is not rebuilt. An ignored element whose end is not
 * found (a void tag, or the same tag nested in it in a way this does not follow) is left in.
 */
export function withoutIgnored(element: string): string {
  let out = element;
  for (let found = markedTag(out, IGNORE_MARK); found; found = markedTag(out, IGNORE_MARK, found.start)) {
    const end = closingEnd(out, found.tag, found.mark);
    if (end < 0) {
      found = { ...found, start: found.mark + IGNORE_MARK.length };
      continue;
    }
    // The white space before it goes too when white space follows it (the same words either way), so that
    // a page with an ignored element, as templates write one on a line of its own, reads as the page without it.
    let cut = found.start;
    if (end === out.length || /\s/.test(out[end]!)) while (cut > 0 && /\s/.test(out[cut - 1]!)) cut--;
    out = out.slice(0, cut) + out.slice(end);
    found = { ...found, start: cut };
  }
  return out;
}

/** Where the element of `tag` opened before `from` ends (past its closing tag), counting the same tag nested in it; -1 when it does not. */
function closingEnd(html: string, tag: string, from: number): number {
  const open = new RegExp(`<${tag}[\\s>/]|</${tag}>`, "gi");
  open.lastIndex = from;
  let depth = 1;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    depth += match[0][1] === "/" ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return -1;
}

/** The marked element of a page (without what Pagefind would ignore) in a bare document, or the page as it is when it has none (or nests it). */
export function searchDocument(html: string, language: string): string {
  return markedDocument(html, language) ?? html;
}

/** The marked element of a page in a bare document, or null when it has none (or nests it). */
export function markedDocument(html: string, language: string): string | null {
  const element = markedElement(html);
  return element === null ? null : bare(element, language);
}

function bare(element: string, language: string): string {
  return `<html lang="${language.replace(/[^A-Za-z0-9-]/g, "")}"><body>${withoutIgnored(element)}</body></html>`;
}
