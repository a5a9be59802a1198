// Shared by cleaning (a Markdown article's front matter) and the site (its templates: ../site/direct.ts).
// Front matter is data: YAML only, read with the core schema (strings, numbers, booleans, null, lists
// and maps; no timestamps, no tags that construct objects, nothing evaluated). A block that names
// another language (`---js`, `---javascript`, `---coffee`...) is refused: some front-matter readers run
// it. `---json` is read with JSON.parse, which evaluates nothing.
// Hugo's `+++` block is TOML, which is data too (smol-toml; its dates are kept as the text written).
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { parse as parseToml, TomlError } from "smol-toml";

export type FrontMatter =
  | { kind: "none"; content: string }
  | { kind: "data"; data: Record<string, unknown>; content: string }
  | { kind: "invalid"; reason: string; content: string; lines: Record<string, string> }
  | { kind: "refused"; reason: string };

// The opening fence, with whatever follows it on the same line (a language name, for some readers).
const OPEN = /^---([^\n]*)\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
const TOML_OPEN = /^\+\+\+[ \t]*\n/;
const TOML_CLOSE = /^\+\+\+[ \t]*$/m;

export function splitFrontMatter(text: string): FrontMatter {
  const toml = TOML_OPEN.exec(text);
  if (toml) {
    const rest = text.slice(toml[0].length);
    const close = TOML_CLOSE.exec(rest);
    if (!close) return { kind: "none", content: text };
    return tomlFrontMatter(rest.slice(0, close.index), rest.slice(close.index + close[0].length).replace(/^\n/, ""));
  }
  const open = OPEN.exec(text);
  if (!open) return { kind: "none", content: text };
  const language = open[1]!.trim();
  const lang = language.toLowerCase();
  if (lang !== "" && lang !== "yaml" && lang !== "yml" && lang !== "json") {
    return { kind: "refused", reason: `front matter in "${language.slice(0, 40)}" is not accepted: only YAML, JSON or TOML (+++) front matter is read` };
  }
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return lang === "json" ? { kind: "none", content: text } : unclosed(text, rest);
  const yaml = rest.slice(0, close.index);
  const content = rest.slice(close.index + close[0].length).replace(/^\n/, "");
  if (lang === "json") return jsonFrontMatter(yaml, content);
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA, json: false });
  } catch (error) {
    return { kind: "invalid", reason: `front matter is not valid YAML (${yamlProblem(error)})`, content, lines: simpleLines(yaml) };
  }
  if (data === undefined || data === null) return { kind: "data", data: {}, content };
  if (typeof data !== "object" || Array.isArray(data)) return { kind: "invalid", reason: "front matter is not a YAML mapping of keys to values", content, lines: {} };
  return { kind: "data", data: data as Record<string, unknown>, content };
}

/** Hugo's `+++` block: TOML, its dates (TOML's own type) turned back into the ISO text written. */
function tomlFrontMatter(toml: string, content: string): FrontMatter {
  let data: Record<string, unknown>;
  try {
    data = parseToml(toml);
  } catch (error) {
    const where = error instanceof TomlError ? `, line ${error.line + 1} of the file` : "";
    return { kind: "invalid", reason: `front matter is not valid TOML (${(error as Error).message.split("\n")[0]}${where})`, content, lines: {} };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    // Assigned, "__proto__" would set the object's prototype rather than a field.
    if (key !== "__proto__") out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return { kind: "data", data: out, content };
}

/** Eleventy's `---json` block: JSON is data (JSON.parse evaluates nothing), an object of fields. */
function jsonFrontMatter(json: string, content: string): FrontMatter {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { kind: "invalid", reason: `front matter is not valid JSON (${(error as Error).message.split("\n")[0]})`, content, lines: {} };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { kind: "invalid", reason: "front matter is not a JSON object of keys to values", content, lines: {} };
  return { kind: "data", data: data as Record<string, unknown>, content };
}

/** A line of hand-written front matter: a key, a colon and its value. */
const KEY_LINE = /^[A-Za-z][\w-]*[ \t]*:(?:[ \t]|$)/;
/** Keys that only front matter opens with: a first paragraph of prose ("Note: …") never has title: and date: lines. */
const FIELD_KEY = /^(?:title|date)[ \t]*:/im;

/**
 * An opening `---` that no closing line follows: a writer who forgot it. When the lines up to the first blank
 * line are all `key: value` lines and name a title or a date, they are the front matter, read as plain fields
 * with a warning; otherwise the `---` is a rule above the text (no front matter), as before.
 */
function unclosed(text: string, rest: string): FrontMatter {
  const blank = /\n[ \t]*(?:\n|$)/.exec(rest);
  const block = blank ? rest.slice(0, blank.index) : rest;
  const lines = block.split("\n");
  if (!FIELD_KEY.test(block) || !lines.every((l) => KEY_LINE.test(l))) return { kind: "none", content: text };
  const content = blank ? rest.slice(blank.index + blank[0].length) : "";
  return { kind: "invalid", reason: "front matter is not closed (no --- line after it): read up to the first blank line", content, lines: simpleLines(block) };
}

/** The YAML error with the file's line number (the opening fence is line 1), not the block's "(1:19)". */
function yamlProblem(error: unknown): string {
  if (error instanceof YAMLException && error.mark) return `${error.reason}, line ${error.mark.line + 2} of the file`;
  return (error as Error).message.split("\n")[0]!;
}

/**
 * The `key: value` lines of front matter that is not valid YAML, each value as the text it is: what a
 * writer means by `title: Johnny Depp: The acting outlaw`, which YAML refuses for its second colon.
 */
function simpleLines(yaml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of yaml.split("\n")) {
    const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]+(\S.*?)[ \t]*$/.exec(line);
    if (!m || m[1] === "__proto__" || Object.hasOwn(out, m[1]!)) continue;
    const value = m[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    out[m[1]!] = quoted ? quoted[2]! : value;
  }
  return out;
}
