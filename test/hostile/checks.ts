// What a built site must be whatever went in: well-formed feeds, and nothing from an article live as
// HTML (the site's templates have no scripts, event handlers or script URLs of their own).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Parser } from "htmlparser2";

const LIVE_TAGS = new Set(["script", "iframe", "object", "embed", "applet", "frame", "frameset", "base", "form", "input", "button", "textarea", "svg", "math", "img", "video", "audio", "source"]);

/**
 * The site's own interactive markup, exactly as its templates write it: the search form in every page
 * header, and Pagefind's scripts on the search page. An article can produce none of these, because
 * its text is escaped; anything else live is a finding.
 */
function fromTemplate(name: string, a: Record<string, string>, where: string, inSearchForm: boolean): boolean {
  if (name === "form") return a.class === "search-form" && a.role === "search" && /\/search\/$/.test(a.action ?? "") && a.method === "get";
  if (name === "input") return inSearchForm && a.id === "site-search" && a.type === "search" && a.name === "q";
  if (name === "button") return inSearchForm && a.type === "submit" && Object.keys(a).length === 1;
  if (name === "script") return /(^|\/)search\/index\.html$/.test(where) && (a.src === undefined || /\/pagefind\/pagefind-ui\.js$/.test(a.src));
  return false;
}

/** Every way a piece of HTML could run or load something an article put there; empty when none. */
export function liveMarkup(html: string, where: string): string[] {
  const found: string[] = [];
  let inSearchForm = false;
  const parser = new Parser(
    {
      onclosetag(name) {
        if (name === "form") inSearchForm = false;
      },
      onopentag(name, attributes) {
        if (name === "form" && fromTemplate(name, attributes, where, false)) inSearchForm = true;
        if (LIVE_TAGS.has(name) && !fromTemplate(name, attributes, where, inSearchForm)) found.push(`${where}: <${name}>`);
        if (name === "meta" && /refresh/i.test(attributes["http-equiv"] ?? "")) found.push(`${where}: <meta http-equiv=refresh>`);
        for (const [attr, value] of Object.entries(attributes)) {
          if (/^on/i.test(attr)) found.push(`${where}: <${name} ${attr}>`);
          if (/^(href|src|action|formaction|xlink:href|srcset)$/i.test(attr) && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${where}: <${name} ${attr}="${value.slice(0, 40)}">`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** Live markup in the site's pages; the site's own <style> in the page head is allowed, no other. */
export function livePages(site: string): string[] {
  const found: string[] = [];
  for (const file of files(site).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    found.push(...liveMarkup(html, file.slice(site.length + 1)));
    const styles = html.match(/<style\b/gi)?.length ?? 0;
    if (styles > 1) found.push(`${file.slice(site.length + 1)}: ${styles} <style> elements`);
  }
  return found;
}

/** Parses the three daily feeds (and any other feed files) and returns what is wrong with them. */
export function feedProblems(site: string): string[] {
  const problems: string[] = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true });
  const htmlOf: string[] = [];
  for (const name of readdirSync(site).filter((n) => /\.xml$/.test(n))) {
    const xml = readFileSync(join(site, name), "utf8");
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      problems.push(`${name}: not well-formed XML: ${JSON.stringify(valid.err)}`);
      continue;
    }
    // Only the prolog can declare one; the same letters inside a CDATA title are an article's text.
    const prolog = xml.slice(0, Math.max(0, xml.search(/<(rss|feed)\b/)));
    if (/<!DOCTYPE|<!ENTITY/i.test(prolog)) problems.push(`${name}: declares a DOCTYPE or entity`);
    const doc = parser.parse(xml) as { rss?: { channel?: { item?: unknown } }; feed?: { entry?: unknown } };
    const items = [doc.rss?.channel?.item ?? [], doc.feed?.entry ?? []].flat() as Record<string, unknown>[];
    for (const item of items) {
      for (const key of ["description", "content:encoded", "content", "summary"]) {
        const v = item[key];
        const text = typeof v === "string" ? v : v && typeof v === "object" ? String((v as Record<string, unknown>)["#text"] ?? "") : "";
        if (text) htmlOf.push(`${name}|${text}`);
      }
    }
  }
  for (const name of readdirSync(site).filter((n) => /\.json$/.test(n) && n !== "build-report.json")) {
    try {
      const feed = JSON.parse(readFileSync(join(site, name), "utf8")) as { version?: string; items?: { content_html?: string }[] };
      if (!/jsonfeed\.org\/version\/1\.1/.test(feed.version ?? "")) problems.push(`${name}: not JSON Feed 1.1`);
      for (const item of feed.items ?? []) if (item.content_html) htmlOf.push(`${name}|${item.content_html}`);
    } catch (error) {
      problems.push(`${name}: not JSON: ${(error as Error).message}`);
    }
  }
  // The HTML a feed reader will render is held to the same rule as the pages.
  for (const entry of htmlOf) {
    const [name, html] = [entry.slice(0, entry.indexOf("|")), entry.slice(entry.indexOf("|") + 1)];
    problems.push(...liveMarkup(html, name));
    if (/<style\b/i.test(html)) problems.push(`${name}: <style> in an item`);
  }
  return problems;
}
