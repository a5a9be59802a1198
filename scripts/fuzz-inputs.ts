// Odd and hostile inputs a reader's articles/ folder can hold, one build each (bin/digest.js, so run
// `node scripts/compile.mjs` first): each case is a fresh folder of two seed articles plus the case's
// files. Prints a table: exit code, wall seconds, peak RSS, each case file's status and reason, whether
// stderr names every rejected file, feed and live-HTML problems.
//   tsx scripts/fuzz-inputs.ts [--only NAME,...] [--keep] [--feedcheck]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { feedProblems, livePages } from "../test/hostile/checks.ts";

const root = join(import.meta.dirname, "..");
const seeds = join(root, "test/fixtures/seeds");
const languages = join(root, "test/fixtures/languages");
const seedNames = readdirSync(seeds).sort();
const seed = (n: number) => readFileSync(join(seeds, seedNames[n]!), "utf8");
const lang = (code: string) => readFileSync(join(languages, readdirSync(languages).find((n) => n.startsWith(`${code}-`))!), "utf8");
const body = seed(3).split("\n").slice(0, 40).join("\n");
const html = (title: string, inner: string, head = "") => `<html><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1>${inner}</article></body></html>`;
const paras = (text: string) => text.split(/\n\n+/).map((p) => `<p>${p}</p>`).join("\n");
const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "€": 0x80 })[c] ?? c.charCodeAt(0)));
const frenchish = `Le café de la gare a fermé ses portes. Les élèves ont été priés de rentrer à la maison. Noël approche, et le marché de la ville sera ouvert à 9 h. Le maire a déclaré : “C’est une décision difficile – mais nécessaire.”\n\n`;

interface Case {
  name: string;
  make: (dir: string) => void;
  note?: string;
}

const put = (dir: string, path: string, content: string | Uint8Array) => {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), content);
};

const laughs = (levels: number) => {
  let y = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < levels; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  return y;
};

const CASES: Case[] = [
  { name: "utf16le-nobom", make: (d) => put(d, "c.txt", Buffer.from(seed(2), "utf16le")) },
  { name: "utf16be-bom", make: (d) => put(d, "c.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(seed(2), "utf16le").swap16()])) },
  { name: "utf16be-nobom", make: (d) => put(d, "c.txt", Buffer.from(seed(2), "utf16le").swap16()) },
  { name: "utf16le-bom-html", make: (d) => put(d, "c.html", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html("Utf16 page title here", paras(body), '<meta charset="utf-16">'), "utf16le")])) },
  { name: "cp1252-txt", make: (d) => put(d, "c.txt", cp1252(`La fermeture du café\n\n${frenchish.repeat(6)}`)) },
  { name: "latin1-html-nocharset", make: (d) => put(d, "c.html", cp1252(html("La fermeture du café", paras(frenchish.repeat(6))))) },
  { name: "meta-utf8-bytes-1252", make: (d) => put(d, "c.html", cp1252(html("La fermeture du café", paras(frenchish.repeat(6)), '<meta charset="utf-8">'))) },
  { name: "meta-latin1-bytes-utf8", make: (d) => put(d, "c.html", html("La fermeture du café", paras(frenchish.repeat(6)), '<meta charset="iso-8859-1">')) },
  { name: "meta-sjis-bytes-utf8", make: (d) => put(d, "c.html", html("La fermeture du café", paras(frenchish.repeat(6)), '<meta charset="shift_jis">')) },
  { name: "meta-utf16-bytes-ascii", make: (d) => put(d, "c.html", html("A plain page", paras(body), '<meta charset="utf-16">')) },
  { name: "gzip-as-html", make: (d) => put(d, "c.html", gzipSync(html("Gzipped", paras(body)))) },
  { name: "zip-as-html", make: (d) => { const z = join(d, "..", "z"); mkdirSync(z); writeFileSync(join(z, "a.html"), html("Zipped", paras(body))); execFileSync("sh", ["-c", `cd ${z} && (zip -q ../a.zip a.html || python3 -c "import zipfile;zipfile.ZipFile('../a.zip','w').write('a.html')")`]); put(d, "c.html", readFileSync(join(d, "..", "a.zip"))); } },
  { name: "30MB-text", make: (d) => put(d, "c.txt", `Thirty megabytes\n\n${(body + "\n\n").repeat(Math.ceil(30e6 / body.length))}`) },
  { name: "7.9MB-text", make: (d) => put(d, "c.txt", `Almost eight megabytes\n\n${(body + "\n\n").repeat(Math.floor(7.9e6 / (body.length + 2)))}`) },
  { name: "5MB-one-line", make: (d) => put(d, "c.txt", "The council said the new rules would apply to every shop in the centre from Monday. ".repeat(Math.ceil(5e6 / 86))) },
  { name: "5MB-one-word", make: (d) => put(d, "c.txt", "x".repeat(5e6)) },
  { name: "deep-100k", make: (d) => put(d, "c.html", `<html><body>${"<div>".repeat(100000)}${paras(body)}${"</div>".repeat(100000)}</body></html>`) },
  { name: "deep-100k-unclosed", make: (d) => put(d, "c.html", `<html><body>${"<div><span>".repeat(100000)}${paras(body)}</body></html>`) },
  { name: "200k-elements", make: (d) => put(d, "c.html", html("Many elements", `${"<span>a</span>".repeat(200000)}${paras(body)}`)) },
  { name: "200k-paragraphs", make: (d) => put(d, "c.html", html("Many paragraphs", `${paras(body)}${"<p>a b</p>".repeat(200000)}`)) },
  { name: "all-script-style", make: (d) => put(d, "c.html", `<html><head><style>${"body{color:red}".repeat(2000)}</style></head><body><script>${"var a = 'The council said';".repeat(3000)}</script><noscript>Enable JavaScript</noscript></body></html>`) },
  { name: "yaml-billion-laughs", make: (d) => put(d, "c.md", `---\n${laughs(9)}title: Laughs\n---\n${body}\n`) },
  { name: "yaml-laughs-in-date", make: (d) => put(d, "c.md", `---\n${laughs(9)}title: Laughs in the date\ndate: *a8\n---\n${body}\n`) },
  { name: "yaml-laughs-in-title", make: (d) => put(d, "c.md", `---\n${laughs(9)}title: *a8\nsource: *a8\nauthor: *a8\nurl: *a8\n---\n${body}\n`) },
  { name: "date-future", make: (d) => put(d, "c.md", `---\ntitle: A story from the future\ndate: 2999-01-01\n---\n${body}\n`) },
  { name: "date-year0", make: (d) => put(d, "c.md", `---\ntitle: Year zero\ndate: 0000-06-01\n---\n${body}\n`) },
  { name: "date-99999", make: (d) => put(d, "c.md", `---\ntitle: Year 99999\ndate: "+099999-01-01"\n---\n${body}\n`) },
  { name: "date-not-a-date", make: (d) => put(d, "c.md", `---\ntitle: Not a date\ndate: next Tuesday-ish\n---\n${body}\n`) },
  { name: "date-number", make: (d) => put(d, "c.md", `---\ntitle: A number date\ndate: 20250529\n---\n${body}\n`) },
  { name: "date-huge-number", make: (d) => put(d, "c.md", `---\ntitle: A huge number date\ndate: 1e400\n---\n${body}\n`) },
  { name: "date-list-map", make: (d) => { put(d, "c.md", `---\ntitle: A list date\ndate: [2025-05-29, 2025-05-30]\n---\n${body}\n`); put(d, "d.md", `---\ntitle: A map date\ndate: {day: 29}\n---\n${seed(4)}\n`); } },
  { name: "date-iso-odd", make: (d) => { put(d, "c.md", `---\ntitle: Hour 24\ndate: 2025-05-29T24:00:00Z\n---\n${body}\n`); put(d, "d.md", `---\ntitle: Offset 18\ndate: 2025-05-29T12:00:00+18:00\n---\n${seed(4)}\n`); } },
  { name: "title-10k", make: (d) => put(d, "c.md", `---\ntitle: "${"Council ".repeat(1250)}"\n---\n${body}\n`) },
  { name: "title-10k-html", make: (d) => put(d, "c.html", html("Council ".repeat(1250), paras(body))) },
  { name: "title-10k-txt-line", make: (d) => put(d, "c.txt", `${"Council ".repeat(1250)}\n\n${body}\n`) },
  { name: "title-empty", make: (d) => put(d, "c.md", `---\ntitle: ""\n---\n${body}\n`) },
  { name: "title-types", make: (d) => { put(d, "c.md", `---\ntitle: 42\nsource: true\nurl: [a, b]\nauthor: {x: 1}\n---\n${body}\n`); put(d, "d.md", `---\ntitle: "Line one\\nline two\\u0000\\u202e"\n---\n${seed(4)}\n`); } },
  { name: "front-matter-only", make: (d) => put(d, "c.md", `---\ntitle: Only front matter\ndate: 2025-05-29\n---\n`) },
  { name: "front-matter-unclosed", make: (d) => put(d, "c.md", `---\ntitle: Unclosed\n${body}\n`) },
  { name: "front-matter-bad-yaml", make: (d) => put(d, "c.md", `---\ntitle: [unclosed\n\tdate: x\n---\n${body}\n`) },
  { name: "front-matter-scalar", make: (d) => put(d, "c.md", `---\njust a string\n---\n${body}\n`) },
  { name: "crlf", make: (d) => put(d, "c.txt", seed(2).replace(/\n/g, "\r\n")) },
  { name: "lone-cr", make: (d) => put(d, "c.txt", seed(2).replace(/\n/g, "\r")) },
  { name: "crlf-md-front", make: (d) => put(d, "c.md", `---\r\ntitle: CRLF front matter\r\ndate: 2025-05-29\r\n---\r\n${body.replace(/\n/g, "\r\n")}`) },
  { name: "lone-cr-md-front", make: (d) => put(d, "c.md", `---\rtitle: CR front matter\rdate: 2025-05-29\r---\r${body.replace(/\n/g, "\r")}`) },
  { name: "nul-in-text", make: (d) => put(d, "c.txt", seed(2).replace(/\n/, "\n\u0000\u0000 ")) },
  { name: "nul-padded-tail", make: (d) => put(d, "c.txt", Buffer.concat([Buffer.from(seed(2).slice(0, 3000)), Buffer.alloc(4096)])) },
  { name: "nul-late", make: (d) => put(d, "c.txt", `${seed(2)}\n\n${"The council met again. ".repeat(500)}\u0000end\n`) },
  { name: "names-space-unicode", make: (d) => { put(d, "a story with spaces.txt", seed(2)); put(d, "caf\u00e9.txt", seed(4)); put(d, "cafe\u0301.txt", seed(2)); } },
  { name: "names-dot-long-case", make: (d) => { put(d, ".hidden.txt", seed(2)); put(d, `${"n".repeat(250)}.txt`, seed(4)); put(d, "Case.txt", seed(2)); put(d, "case.txt", seed(4)); } },
  { name: "name-newline", make: (d) => { put(d, "line\nbreak.txt", seed(2)); put(d, "bad\nname.pdf", "x"); } },
  { name: "name-bidi-tab-ctrl", make: (d) => { put(d, "evil\u202etxt.exe.txt", seed(2)); put(d, "tab\there.pdf", "x"); put(d, "esc\u001b[31mred.pdf", "x"); } },
  { name: "symlink-outside", make: (d) => { writeFileSync(join(d, "..", "outside.txt"), seed(2)); symlinkSync(join(d, "..", "outside.txt"), join(d, "c.txt")); symlinkSync("/etc/passwd", join(d, "passwd.txt")); } },
  { name: "symlink-loop-pair", make: (d) => { symlinkSync("b.txt", join(d, "a.txt")); symlinkSync("a.txt", join(d, "b.txt")); mkdirSync(join(d, "sub")); symlinkSync("..", join(d, "sub/up")); } },
  { name: "dir-named-article", make: (d) => { mkdirSync(join(d, "story.txt")); put(d, "story.html/index.html", html("Inside a folder", paras(body))); mkdirSync(join(d, "empty.md")); } },
  { name: "devnull-link", make: (d) => { symlinkSync("/dev/null", join(d, "null.txt")); symlinkSync("/dev/zero", join(d, "zero.txt")); symlinkSync("/proc/self/status", join(d, "proc.txt")); } },
  { name: "rtl-arabic", make: (d) => put(d, "c.txt", lang("ar")) },
  { name: "rtl-hebrew-md", make: (d) => put(d, "c.md", `---\ntitle: "הממשלה אישרה את התקציב"\n---\n${"הממשלה אישרה היום את תקציב המדינה לשנה הבאה לאחר דיון ארוך. שר האוצר אמר כי התקציב יסייע לצמיחה. ".repeat(8)}\n\n${"חברי האופוזיציה מתחו ביקורת על הקיצוצים בחינוך ובבריאות. ".repeat(6)}\n`) },
  { name: "all-urls", make: (d) => put(d, "c.txt", Array.from({ length: 300 }, (_, i) => `https://example.com/news/2025/05/29/story-${i}?utm_source=x&id=${i}`).join("\n")) },
  { name: "urls-long", make: (d) => put(d, "c.md", `---\ntitle: A long URL\nurl: "https://example.com/${"a".repeat(100000)}"\nsource: "${"Outlet ".repeat(2000)}"\n---\n${body}\n`) },
  { name: "url-schemes", make: (d) => { put(d, "c.md", `---\ntitle: A file URL\nurl: "file:///etc/passwd"\n---\n${body}\n`); put(d, "d.md", `---\ntitle: A data URL\nurl: "data:text/html,<script>alert(1)</script>"\nsource: "<b>Bold</b>"\n---\n${seed(4)}\n`); } },
  { name: "html-entities-title", make: (d) => put(d, "c.html", html("&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#0; &#x110000; &#xD800;", paras(body))) },
  { name: "lone-surrogates", make: (d) => put(d, "c.md", `---\ntitle: "Surrogate \\uD800 here"\n---\n${body}\n`) },
  { name: "html-only-comment", make: (d) => put(d, "c.html", `<!-- ${body} -->`) },
  { name: "svg-as-html", make: (d) => put(d, "c.html", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text><script>alert(1)</script></svg>`) },
  { name: "many-tiny-files", make: (d) => { for (let i = 0; i < 2000; i++) put(d, `tiny/${i}.txt`, `x${i}`); } },
  { name: "one-char-per-line", make: (d) => put(d, "c.txt", [...body].join("\n")) },
  { name: "combining-flood", make: (d) => put(d, "c.txt", `Title here\n\n${body}\n\nZ${"\u0301".repeat(200000)}\n`) },
  { name: "md-nested-quotes", make: (d) => put(d, "c.md", `---\ntitle: Nested quotes\n---\n${body}\n\n${">".repeat(100000)} deep\n`) },
  { name: "md-nested-lists", make: (d) => put(d, "c.md", `---\ntitle: Nested lists\n---\n${body}\n\n${Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n")}\n`) },
  { name: "md-brackets", make: (d) => put(d, "c.md", `---\ntitle: Brackets\n---\n${body}\n\n${"[".repeat(50000)}${"](x)".repeat(1000)} ${"*a".repeat(50000)} ${"<".repeat(50000)}\n`) },
  { name: "md-emphasis-flood", make: (d) => put(d, "c.md", `---\ntitle: Emphasis\n---\n${body}\n\n${"*_".repeat(100000)}\n${"`".repeat(100000)}\n`) },
  { name: "meta-replacement-charset", make: (d) => put(d, "c.html", cp1252(html("La fermeture du café", paras(frenchish.repeat(6)), '<meta charset="iso-2022-kr">'))) },
  { name: "meta-x-user-defined", make: (d) => put(d, "c.html", cp1252(html("La fermeture du café", paras(frenchish.repeat(6)), '<meta charset="x-user-defined">'))) },
  { name: "html-unclosed-comment", make: (d) => put(d, "c.html", `<!-- ${html("Commented", paras(body))}`) },
  { name: "html-plaintext-textarea", make: (d) => { put(d, "c.html", `<html><body><plaintext>${html("Plain", paras(body))}`); put(d, "d.html", `<html><body><textarea><script>alert(1)</script>${seed(4)}</textarea><template><p>${seed(4)}</p></template></body></html>`); } },
  { name: "html-huge-attribute", make: (d) => put(d, "c.html", html("Huge attribute", `<div data-x="${"x".repeat(5e6)}">${paras(body)}</div>`)) },
  { name: "million-short-lines", make: (d) => put(d, "c.txt", `A title\n\n${"ok\n".repeat(1e6)}`) },
  { name: "8MB-short-lines", make: (d) => put(d, "c.txt", `A title\n\n${"x\n".repeat(4.1e6)}`) },
  { name: "8MB-word-lines", make: (d) => put(d, "c.txt", `A title\n\n${"The council met on Monday.\n".repeat(3e5)}`) },
  { name: "dupes-2", make: (d) => { for (let i = 0; i < 2; i++) put(d, `dupes/${i}.txt`, seed(3)); } },
  { name: "dupes-300", make: (d) => { for (let i = 0; i < 300; i++) put(d, `dupes/${i}.txt`, seed(3)); } },
];

function peakRss(timeOut: string): number {
  return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeOut)?.[1] ?? 0) / 1024;
}

interface Row {
  name: string;
  code: number | null;
  wall: number;
  rss: number;
  files: string[];
  stderrMissing: string[];
  problems: string[];
}

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",") : null;
const keep = args.includes("--keep");
const feedcheck = args.includes("--feedcheck");
const rows: Row[] = [];
for (const c of CASES.filter((c) => !only || only.includes(c.name))) {
  const work = mkdtempSync(join(tmpdir(), `fuzz-${c.name}-`));
  const input = join(work, "in");
  mkdirSync(input);
  put(input, "seed-0.txt", seed(0));
  put(input, "seed-1.txt", seed(1));
  c.make(input);
  const t0 = Date.now();
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, join(root, "bin/digest.js"), "build", "--input", "in", "--digests", "dg", "--output", "site", "--quiet"], { cwd: work, encoding: "utf8", timeout: 300_000, maxBuffer: 1 << 28 });
  const wall = (Date.now() - t0) / 1000;
  const stderr = r.stderr ?? "";
  const timeAt = stderr.lastIndexOf("\tCommand being timed");
  const own = timeAt >= 0 ? stderr.slice(0, timeAt) : stderr;
  const codeMatch = /Exit status: (\d+)/.exec(stderr);
  const row: Row = { name: c.name, code: r.error ? null : codeMatch ? Number(codeMatch[1]) : r.status, wall, rss: peakRss(stderr), files: [], stderrMissing: [], problems: [] };
  if (r.error) row.problems.push(`spawn: ${r.error.message}`);
  const reportPath = join(work, "site/build-report.json");
  if (existsSync(reportPath)) {
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as { inputs: { path: string; status: string; reason?: string; date?: string; messages: { level: string; text: string; rule?: string }[] }[]; stories: { title: string; members: string[] }[] };
    for (const i of report.inputs.filter((i) => !i.path.startsWith("seed-"))) {
      const story = report.stories.find((s) => s.members.includes(i.path));
      const warn = i.messages.filter((m) => m.level !== "info").map((m) => `${m.level[0]}:${m.rule}`).join(" ");
      row.files.push(`${JSON.stringify(i.path).slice(0, 40)} ${i.status}${i.reason ? ` (${i.reason.slice(0, 90)})` : ""}${i.date ? ` ${i.date}` : ""}${story ? ` title=${JSON.stringify(story.title.slice(0, 50))}(${story.title.length})` : ""}${warn ? ` [${warn.slice(0, 80)}]` : ""}`);
      const named = /[\u0000-\u001f\u007f\u2028\u2029]/.test(i.path) ? JSON.stringify(i.path) : i.path;
      if (i.status === "rejected" && !own.includes(`digest: rejected ${named}: `)) row.stderrMissing.push(i.path);
    }
    if (report.inputs.length < 2) row.problems.push("seeds missing from report");
    row.problems.push(...feedProblems(join(work, "site")), ...livePages(join(work, "site")));
    if (feedcheck) {
      const fc = spawnSync("/work/shared/tools/feedcheck/check-site.sh", [join(work, "site")], { encoding: "utf8", env: { ...process.env, FEEDCHECK_SKIP: "newsboat,vnu" } });
      if (fc.status !== 0) row.problems.push(`feedcheck: ${(fc.stdout + fc.stderr).split("\n").filter((l) => /error|ERR|fail/i.test(l)).slice(0, 5).join(" | ")}`);
    }
  } else row.problems.push("no build-report.json");
  const otherLines = own.split("\n").filter((l) => l && !l.startsWith("digest: rejected ") && !l.startsWith("digest: warning"));
  if (row.code !== 0 || otherLines.length) row.problems.push(`stderr: ${otherLines.slice(0, 4).join(" | ").slice(0, 400)}`);
  rows.push(row);
  console.log(`${c.name.padEnd(24)} exit=${row.code} ${wall.toFixed(1)}s ${row.rss.toFixed(0)}MiB${row.stderrMissing.length ? ` NOT-ON-STDERR=${JSON.stringify(row.stderrMissing)}` : ""}`);
  for (const f of row.files.slice(0, 12)) console.log(`    ${f}`);
  if (row.files.length > 12) console.log(`    ... ${row.files.length - 12} more`);
  for (const p of row.problems.slice(0, 8)) console.log(`    !! ${p.slice(0, 300)}`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`    kept: ${work}`);
}
