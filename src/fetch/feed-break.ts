// Where a feed that cannot be read stops being well-formed, in words a subscriber can act on ("it ends at line
// 1, column 412 inside <link>, opened at line 1, column 398: cut short?") instead of the parser's "Invalid feed
// format". Only asked after the feed reader has given up, so it never decides whether a feed is read.
import { lineLocator } from "../text/line-starts.ts";
import { stripControlChars } from "../text/plain-text.ts";

/** How much of the text around the place is quoted. */
const NEAR_CHARS = 40;

interface Place {
  line: number;
  column: number;
}

/** Line and column (from 1, in characters) of each offset, read in one pass over the text. */
function placer(text: string): (offset: number) => Place {
  const { starts, lineOf } = lineLocator(text);
  return (offset) => {
    const line = lineOf(offset);
    return { line: line + 1, column: Array.from(text.slice(starts[line]!, offset)).length + 1 };
  };
}

const at = (p: Place): string => `line ${p.line}, column ${p.column}`;

/** The text just before an offset on its line, as data: control characters out, white space folded. */
function near(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const from = Math.max(lineStart, offset - NEAR_CHARS);
  const before = stripControlChars(text.slice(from, offset)).replace(/\s+/g, " ").trim();
  return before ? ` (after "${from > lineStart ? "…" : ""}${before}")` : "";
}

/**
 * Where a feed's text first breaks the rules of XML or of JSON, as a sentence; null when its text is
 * well-formed (the feed reader refused it for something else) or is neither.
 */
export function whereFeedBreaks(text: string): string | null {
  const body = text.replace(/^\uFEFF/, "");
  const first = body.trimStart()[0];
  if (first === "{" || first === "[") return whereJsonBreaks(body);
  if (first === "<") return whereXmlBreaks(body);
  return null;
}

const NAME = /[^\s/>!?<]+/y;
const ATTRIBUTES = /(?:[^>"']|"[^"]*"|'[^']*')*/y;

/** The first place an XML text is not well-formed: a close tag that does not match, or the text's end with elements open. */
export function whereXmlBreaks(text: string): string | null {
  const place = placer(text);
  const open: { name: string; offset: number }[] = [];
  const ends = (what: string, from: number, closer: string): string | null => {
    if (text.indexOf(closer, from) !== -1) return null;
    return `it ends at ${at(place(text.length))} inside ${what} begun at ${at(place(from))}: cut short?`;
  };
  let i = text.indexOf("<");
  while (i !== -1) {
    let next: number;
    if (text.startsWith("<!--", i)) {
      const broken = ends("a comment", i, "-->");
      if (broken) return broken;
      next = text.indexOf("-->", i + 4) + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const broken = ends("a CDATA section", i, "]]>");
      if (broken) return broken;
      next = text.indexOf("]]>", i + 9) + 3;
    } else if (text.startsWith("<?", i) || text.startsWith("<!", i)) {
      const closer = text.startsWith("<?", i) ? "?>" : ">";
      const broken = ends(text.startsWith("<?", i) ? "a processing instruction" : "a declaration", i, closer);
      if (broken) return broken;
      next = text.indexOf(closer, i + 2) + closer.length;
    } else {
      const closing = text[i + 1] === "/";
      NAME.lastIndex = i + (closing ? 2 : 1);
      const name = NAME.exec(text)?.[0];
      if (!name) {
        // A bare "<" in text: not XML, but readers pass over it, and so does this.
        next = i + 1;
      } else {
        ATTRIBUTES.lastIndex = NAME.lastIndex;
        ATTRIBUTES.exec(text);
        const end = ATTRIBUTES.lastIndex;
        if (text[end] !== ">") return `it ends at ${at(place(text.length))} inside the tag <${closing ? "/" : ""}${name}> begun at ${at(place(i))}: cut short?`;
        if (closing) {
          const top = open.pop();
          if (!top) return `at ${at(place(i))}, </${name}> closes an element never opened${near(text, i)}`;
          if (top.name !== name) return `at ${at(place(i))}, </${name}> where </${top.name}> should close <${top.name}> (opened at ${at(place(top.offset))})${near(text, i)}`;
        } else if (text[end - 1] !== "/") {
          open.push({ name, offset: i });
        }
        next = end + 1;
      }
    }
    i = text.indexOf("<", next);
  }
  const last = open.at(-1);
  if (!last) return null;
  const others = open.length - 1;
  return `it ends at ${at(place(text.length))} with <${last.name}> (opened at ${at(place(last.offset))})${others ? ` and ${others} element${others === 1 ? "" : "s"} around it` : ""} never closed${near(text, text.length)}: cut short?`;
}

/** The first place a JSON text breaks: its end with an object, array or string open, else where JSON.parse stops. */
export function whereJsonBreaks(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const place = placer(text);
    const open: { kind: string; offset: number }[] = [];
    let inString = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString !== -1) {
        if (c === "\\") i++;
        else if (c === '"') inString = -1;
      } else if (c === '"') inString = i;
      else if (c === "{" || c === "[") open.push({ kind: c === "{" ? "an object" : "a list", offset: i });
      else if (c === "}" || c === "]") open.pop();
    }
    const end = at(place(text.length));
    if (inString !== -1) return `it ends at ${end} inside a string begun at ${at(place(inString))}: cut short?`;
    const last = open.at(-1);
    if (last) return `it ends at ${end} with ${last.kind} (opened at ${at(place(last.offset))}) never closed${near(text, text.length)}: cut short?`;
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    const why = (error as Error).message.replace(/\s+in JSON at position \d+.*$/s, "").replace(/, ".*$/s, "");
    return position === undefined ? `not valid JSON (${why})` : `at ${at(place(Number(position)))}, not valid JSON (${why})${near(text, Number(position))}`;
  }
}
