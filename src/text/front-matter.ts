// Shared by cleaning (a Markdown article's front matter) and the site (its templates: ../site/direct.ts).
// Front matter is data: YAML only, read with the core schema (strings, numbers, booleans, null, lists
// and maps; no timestamps, no tags that construct objects, nothing evaluated). A block that names
// another language (`---js`, `---coffee`, `---json`...) is refused: some front-matter readers run it.
import { CORE_SCHEMA, load } from "js-yaml";

export type FrontMatter =
  | { kind: "none"; content: string }
  | { kind: "data"; data: Record<string, unknown>; content: string }
  | { kind: "invalid"; reason: string; content: string }
  | { kind: "refused"; reason: string };

// The opening fence, with whatever follows it on the same line (a language name, for some readers).
const OPEN = /^---([^\n]*)\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

export function splitFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { kind: "none", content: text };
  const language = open[1]!.trim();
  if (language !== "" && language.toLowerCase() !== "yaml") {
    return { kind: "refused", reason: `front matter in "${language.slice(0, 40)}" is not accepted: only YAML front matter is read` };
  }
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { kind: "none", content: text };
  const yaml = rest.slice(0, close.index);
  const content = rest.slice(close.index + close[0].length).replace(/^\n/, "");
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA, json: false });
  } catch (error) {
    return { kind: "invalid", reason: `front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`, content };
  }
  if (data === undefined || data === null) return { kind: "data", data: {}, content };
  if (typeof data !== "object" || Array.isArray(data)) return { kind: "invalid", reason: "front matter is not a YAML mapping of keys to values", content };
  return { kind: "data", data: data as Record<string, unknown>, content };
}
