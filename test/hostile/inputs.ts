// A folder of hostile and broken inputs, generated the same every time (fixed seed), with the list of
// inputs it holds as the build must report them: every entry once, rejected ones with a reason.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { random } from "../../eval/lib/random.ts";

const fixtures = join(import.meta.dirname, "../fixtures");
const seeds = join(fixtures, "seeds");

/** What the report must say of an input: "rejected", "kept" (included or merged), or "any". */
export type Expect = "rejected" | "kept" | "any";

export interface Hostile {
  dir: string;
  /** Every input by its path relative to dir. */
  expected: Map<string, Expect>;
  /** A file that exists only if front matter ran code. */
  marker: string;
}

/** Strings that have broken programs before: markup, template syntax, scripts, odd Unicode. */
export const NAUGHTY = [
  "<script>alert('xss-1')</script>",
  '"><img src=x onerror=alert("xss-2")>',
  "<svg onload=alert('xss-3')>",
  "<iframe src=\"javascript:alert('xss-4')\"></iframe>",
  "[click me](javascript:alert('xss-5'))",
  "<a href=\"javascript:alert('xss-6')\">link</a>",
  "{{ 7*7 }} {% raw %} ${7*7} <%= 7*7 %> {{ constructor.constructor('return process')() }}",
  "]]> <![CDATA[ xss-7 ]]> <!-- xss-8 -->",
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]> &e; &amp; &#x3C;script&#x3E;xss-9&#x3C;/script&#x3E;',
  "'; DROP TABLE stories; -- ../../../etc/passwd %s%s%n __proto__ constructor toString NaN Infinity",
  "\u202Eevil.exe\u202C \u200B\u200C\u200D\u2060 \uFEFF mid-text BOM",
  "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034DA\u036B\u0357\u0334\u0362\u0335\u031C\u0330\u0354L\u0368\u0367\u0369\u0358\u0320G\u0311\u0357\u030E\u0305\u035B\u0341\u0334\u033B\u0348\u034D\u0354\u0339O\u0342\u030C\u030C\u0358\u0328\u0335\u0339\u033B\u031D\u0333",
  "田中さんにあげて下さい 👩‍👩‍👧‍👦 🏳️‍🌈 𝕋𝕙𝕖 𝕢𝕦𝕚𝕔𝕜 ﷽",
  "<style>body{display:none}</style><base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
];

export function makeHostile(dir: string, options: { unreadableFolder: boolean }): Hostile {
  const expected = new Map<string, Expect>();
  const put = (path: string, content: string | Uint8Array, expect: Expect) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
    expected.set(path, expect);
  };
  const seed = (n: number) => readFileSync(join(seeds, readdirSync(seeds).sort()[n]!), "utf8");
  const draw = random(20250529);
  const bytes = (n: number, lo: number, hi: number) => Uint8Array.from({ length: n }, () => lo + Math.floor(draw() * (hi - lo + 1)));
  const marker = join(dir, "..", "front-matter-ran");

  // Real articles, so that the site has stories and feeds to check.
  for (let i = 0; i < 5; i++) put(`real/seed-${i}.txt`, seed(i), "kept");

  // Naughty strings and XSS payloads as text, in every place an article carries text.
  const body = seed(3).split("\n").slice(0, 30).join("\n");
  NAUGHTY.forEach((s, i) => {
    const yaml = JSON.stringify(s);
    put(`naughty/${i}.md`, `---\ntitle: ${yaml}\nsource: ${yaml}\nauthor: ${yaml}\nurl: "javascript:alert('xss-url-${i}')"\n---\n${s}\n\n${body}\n\n${s}\n`, "any");
    put(`naughty/${i}.txt`, `${s}\n\n${body.replace(/\n\n/, `\n\n${s} `)}\n`, "any");
    put(`naughty/${i}.html`, `<html><head><title>${s}</title><meta property="og:site_name" content='${s.replace(/'/g, "&#39;")}'></head><body><article><h1>${s}</h1>${body.split("\n\n").map((p) => `<p>${p}</p>`).join("")}<p>${s}</p></article></body></html>`, "any");
  });

  // Random bytes and high bytes: never stories.
  for (let i = 0; i < 40; i++) put(`random/bytes-${i}.txt`, bytes(64 + Math.floor(draw() * 8000), 0, 255), "rejected");
  for (let i = 0; i < 20; i++) put(`random/printable-${i}.txt`, bytes(64 + Math.floor(draw() * 8000), 32, 255), "rejected");
  for (let i = 0; i < 30; i++) put(`random/high-${i}.txt`, bytes(64 + Math.floor(draw() * 8000), 128, 255), "rejected");
  put("random/high.html", Uint8Array.from([...Buffer.from("<html><body><p>"), ...bytes(4000, 128, 255), ...Buffer.from("</p></body></html>")]), "rejected");

  // UTF-8 cut off mid-character: kept, as UTF-8 (checked on the site below).
  const german = readFileSync(join(fixtures, "languages", readdirSync(join(fixtures, "languages")).find((n) => n.startsWith("de-"))!));
  const cut = german.subarray(0, german.lastIndexOf(0xc3) + 1);
  put("encoding/cut-utf8.txt", Buffer.concat([Buffer.from(seed(1)), Buffer.from("\n\n"), cut]), "kept");
  put("encoding/empty.txt", "", "rejected");
  put("encoding/binary.txt", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), "rejected");
  put("encoding/utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed(2), "utf16le")]), "kept");

  // UTF-16 without a byte-order mark, a stray NUL, zeros padding the end (an interrupted save): all text.
  put("encoding/utf16le-nobom.txt", Buffer.from(seed(2), "utf16le"), "kept");
  put("encoding/utf16be-nobom.txt", Buffer.from(seed(3), "utf16le").swap16(), "kept");
  put("encoding/stray-nul.txt", seed(4).replace(/\n/, "\n\u0000"), "kept");
  put("encoding/zero-padded.txt", Buffer.concat([Buffer.from(seed(1)), Buffer.alloc(8192)]), "kept");

  // Front matter that would run code, and other front-matter languages.
  put("front-matter/js.md", `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "ran"), "pwned") }\n---\n${body}\n`, "rejected");
  put("front-matter/javascript.md", `---javascript\nrequire("fs").writeFileSync(${JSON.stringify(marker)}, "ran")\n---\n${body}\n`, "rejected");
  put("front-matter/yaml-tag.md", `---\ntitle: !!js/function "function () { return 1 }"\n---\n${body}\n`, "any");

  // YAML aliases of aliases: 10^9 items if anything spells the date out.
  let laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < 9; i++) laughs += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  put("front-matter/laughs.md", `---\n${laughs}title: A story dated by a billion laughs\ndate: *a8\n---\n${body}\n`, "kept");

  // Dates no calendar has: the build goes on (which day they get is the date stage's business).
  for (const date of ["10000-01-01", "0000-01-01", "2025-02-30", "2025-13-01", "-0001-05-05", "99999999999"]) {
    put(`dates/${date}.md`, `---\ntitle: "A story dated ${date}"\ndate: ${date}\n---\n${body}\n`, "any");
  }

  // Deep nesting and a huge line, both under the size limit.
  put("big/deep.html", `<html><body>${"<div>".repeat(20000)}<p>${body}</p>${"</div>".repeat(20000)}</body></html>`, "any");
  put("big/huge-line.txt", `A story on one line\n\n${"The council said on Monday that the new rules would apply to every shop in the centre. ".repeat(20000)}`, "any");
  put("big/unsupported.pdf", "%PDF-1.4", "rejected");
  put("big/long-title.html", `<html><head><title>${"Council ".repeat(1250)}</title></head><body><article><h1>${"Council ".repeat(1250)}</h1>${body.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article></body></html>`, "any");
  // A name that a terminal would show reversed, with the reason after it.
  put("evil\u202Etxt.exe.pdf", "x", "rejected");

  // Links, a FIFO and a folder that cannot be read: each one input.
  symlinkSync("real/seed-0.txt", join(dir, "links-to-file.txt"));
  expected.set("links-to-file.txt", "kept");
  symlinkSync("real", join(dir, "links-to-folder"));
  expected.set("links-to-folder", "rejected"); // a folder already read as "real"
  symlinkSync("nowhere.txt", join(dir, "links-dangling.txt"));
  expected.set("links-dangling.txt", "rejected");
  symlinkSync("links-loop.txt", join(dir, "links-loop.txt"));
  expected.set("links-loop.txt", "rejected");
  symlinkSync("..", join(dir, "real/up"));
  expected.set("real/up", "rejected");
  execFileSync("mkfifo", [join(dir, "pipe.txt")]);
  expected.set("pipe.txt", "rejected");
  if (options.unreadableFolder) {
    put("private/secret.txt", seed(4), "any");
    expected.delete("private/secret.txt");
    chmodSync(join(dir, "private"), 0o000);
    expected.set("private", "rejected");
    put("unreadable.txt", seed(4), "rejected");
    chmodSync(join(dir, "unreadable.txt"), 0o000);
  }
  return { dir, expected, marker };
}
