// The peers: the same N articles as ready Markdown pages, rendered by Hugo (Debian's `hugo`) on a
// minimal theme-less site, and by bare Eleventy with one minimal layout.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measure, type Measured } from "./bench-run.ts";

const HUGO = "/usr/bin/hugo";

const PAGE = (title: string, date: string, content: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1><time>${date}</time>${content}</article></body></html>\n`;

export function hugoAvailable(): boolean {
  return existsSync(HUGO);
}

/** A Hugo site folder with layouts only; the content comes from `--contentDir`. */
export function hugoSite(dir: string): string {
  const site = join(dir, "hugo-site");
  mkdirSync(join(site, "layouts/_default"), { recursive: true });
  writeFileSync(join(site, "hugo.toml"), 'baseURL = "https://bench.example.org/"\ntitle = "bench"\n');
  writeFileSync(join(site, "layouts/_default/single.html"), PAGE("{{ .Title }}", '{{ .Date.Format "2006-01-02" }}', "{{ .Content }}"));
  writeFileSync(join(site, "layouts/_default/list.html"), PAGE("{{ .Title }}", "", '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'));
  return site;
}

export async function runHugo(site: string, content: string, out: string): Promise<Measured> {
  return measure(HUGO, ["--quiet", "--source", site, "--contentDir", content, "--destination", out, "--cacheDir", `${out}-cache`], { cwd: site });
}

/** A bare Eleventy configuration: Markdown pages into one layout, no template language over the text. */
export function eleventyConfig(dir: string): string {
  const file = join(dir, "eleventy-bare.config.mjs");
  const layout = PAGE("{{ title }}", "{{ page.date.toISOString().slice(0, 10) }}", "{{ content | safe }}");
  writeFileSync(
    file,
    `export default function (config) {
  config.addTemplate("_includes/page.njk", ${JSON.stringify(layout)});
  config.addGlobalData("layout", "page.njk");
  return { markdownTemplateEngine: false, htmlTemplateEngine: "njk", templateFormats: ["md"] };
}
`,
  );
  return file;
}

export async function runEleventy(root: string, config: string, content: string, out: string): Promise<Measured> {
  const cmd = join(root, "node_modules/@11ty/eleventy/cmd.cjs");
  return measure(process.execPath, [cmd, `--config=${config}`, `--input=${content}`, `--output=${out}`, "--quiet"], { cwd: root });
}

/** How many pages a peer wrote (index.html files), to check it rendered every article. */
export function pagesIn(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((p) => String(p).endsWith("index.html")).length;
}
