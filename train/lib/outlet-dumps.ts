// The dev text dumps with a URL, as the outlet-line trainer and its trial read them (ot60): each with its host,
// its cleaned lines and kept body (made on demand), and its silver outlet name from the page's own HTML
// (og:site_name or JSON-LD publisher naming the host; eval/lib/outlet-silver.ts), read on demand too.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { cleanSource, prepare } from "../../src/clean/index.ts";
import { cleanDoc } from "../../src/clean/text.ts";
import { keptBodyIndices, type Line } from "../../src/clean/doc.ts";
import { decode } from "../../src/ingest/decode.ts";
import { hostOf } from "../../src/text/paths.ts";
import { halfOf, type Half } from "../../eval/lib/split.ts";
import { devSource } from "../../eval/lib/dev-source.ts";
import { silverName } from "../../eval/lib/outlet-silver.ts";
import { readJsonl } from "../../eval/lib/jsonl.ts";

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");
const SETS = [["extraction-dev.jsonl", "extraction-html"], ["webpages-dev.jsonl", "webpages-html"], ["dates-dev.jsonl", "dates-html"]] as const;

export interface OutletDump {
  id: string;
  half: Half;
  host: string;
  /** The dump cleaned: its lines and the body kept (null: cleaning failed). */
  cleaned(): { lines: readonly Line[]; body: Line[] } | null;
  /** The page's own name for its outlet, when its HTML gives one naming the host. */
  silver(): string | null;
}

/** Every dev dump with a URL and a host in `halves`, set by set, in file order. */
export function* outletDumps(halves: readonly Half[]): Generator<OutletDump> {
  for (const [file, htmlDir] of SETS) {
    for (const row of readJsonl<{ id: string; url: string | null; text_dump?: string }>(join(corpus, file))) {
      const half = halfOf(row.id);
      const { url, text_dump: text } = row;
      if (!halves.includes(half) || !text || !url) continue;
      // A web.archive.org copy is the page at the address it archives.
      const host = hostOf(/^https?:\/\/web\.archive\.org\/web\/[^/]+\/(.+)$/.exec(url)?.[1] ?? url);
      if (!host) continue;
      yield {
        id: row.id,
        half,
        host,
        cleaned() {
          try {
            const { doc } = prepare(devSource(`${row.id}.txt`, "text", text, url));
            cleanDoc(doc);
            return { lines: doc.lines, body: keptBodyIndices(doc).map((i) => doc.lines[i]!) };
          } catch {
            return null;
          }
        },
        silver() {
          try {
            const d = decode(gunzipSync(readFileSync(join(corpus, htmlDir, `${row.id}.html.gz`))));
            return d.ok ? silverName(cleanSource(devSource(`${row.id}.html`, "html", d.text, url)).meta, host) : null;
          } catch {
            return null;
          }
        },
      };
    }
  }
}
