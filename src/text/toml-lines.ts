// The top-level `key = value` lines of a TOML block (Hugo's `+++` front matter): strings, numbers,
// booleans, dates (kept as the text written) and arrays of strings. Tables (`[params]`) and what follows
// them are not the article's own fields and are not read. Nothing here is evaluated.

export function tomlLines(toml: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of toml.split("\n")) {
    const t = line.trim();
    if (t.startsWith("[")) break;
    const m = /^([A-Za-z0-9_-]+|"[^"\n]*")[ \t]*=[ \t]*(.+)$/.exec(t);
    if (!m) continue;
    const key = m[1]!.startsWith('"') ? m[1]!.slice(1, -1) : m[1]!;
    // Assigned, "__proto__" would set the object's prototype rather than a field.
    if (key === "__proto__") continue;
    const value = tomlValue(m[2]!.trim());
    if (value !== undefined && !Object.hasOwn(out, key)) out[key] = value;
  }
  return out;
}

function tomlValue(v: string): unknown {
  const basic = /^"((?:[^"\\]|\\.)*)"(?:\s*#.*)?$/.exec(v);
  if (basic) return jsonString(basic[1]!);
  const literal = /^'([^']*)'(?:\s*#.*)?$/.exec(v);
  if (literal) return literal[1];
  const bare = v.replace(/\s+#.*$/, "");
  if (bare === "true" || bare === "false") return bare === "true";
  if (/^[+-]?\d[\d_]*(?:\.\d+)?$/.test(bare)) return Number(bare.replace(/_/g, ""));
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/i.test(bare)) return bare;
  if (bare.startsWith("[") && bare.endsWith("]")) {
    const items = [...bare.slice(1, -1).matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((i) => (i[1] !== undefined ? jsonString(i[1]) : i[2]!));
    return items.every((i) => i !== undefined) ? items : undefined;
  }
  return undefined;
}

/** A TOML basic string's body, its escapes read as JSON reads them (the same for those a title holds). */
function jsonString(body: string): string | undefined {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return undefined;
  }
}
