// Bidirectional controls (U+202A-202E embeddings and overrides with their U+202C closer, U+2066-2069
// isolates with their U+2069 closer) in text from articles. The site shows such text inside <bdi>, which
// keeps whatever it does to itself. The feeds' titles, names and summaries are plain text, and the Markdown
// digests have no <bdi>: a reader shows such text beside other text (a row of its list, "title (outlet) -
// date", the day's headlines joined in one summary, "outlet: headline"), and an override left open there
// turns everything after it. Closing it at the text's end is not enough: the text after a closed embedding
// still takes its direction at the boundary (the Unicode bidi algorithm's sos/eos), so
// "(Harbour \u202EPost\u202C) 14 Mar" still shows as "(Harbour 14 (tsoP Mar". So each such text is balanced
// (a closer that closes nothing dropped, whatever is left open closed at its end) and isolated (FSI ... PDI),
// as <bdi> does on the site: it shows as there, and nothing of it reaches past its end. Right-to-left
// letters alone need no control: they are left as they are, except among other texts in one line
// (`isolatedBidi`).

const OPENS_EMBEDDING = /[\u202a\u202b\u202d\u202e]/;
const OPENS_ISOLATE = /[\u2066\u2067\u2068]/;
const PDF = "\u202c";
const PDI = "\u2069";
const FSI = "\u2068";
const CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, their
// presentation forms; and those outside the BMP: Imperial Aramaic to Adlam).
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** `text` with its bidirectional controls balanced: stray closers dropped, what is left open closed at its end. */
export function balancedBidi(text: string): string {
  if (!CONTROL.test(text)) return text;
  // What is open, innermost last: "e" an embedding or override (closed by PDF), "i" an isolate (by PDI).
  const open: ("e" | "i")[] = [];
  let out = "";
  for (const c of text) {
    if (OPENS_EMBEDDING.test(c)) open.push("e");
    else if (OPENS_ISOLATE.test(c)) open.push("i");
    else if (c === PDF) {
      // A PDF closes the innermost embedding, and none beyond an isolate (Unicode bidi algorithm X7).
      if (open[open.length - 1] !== "e") continue;
      open.pop();
    } else if (c === PDI) {
      // A PDI closes the innermost isolate and every embedding opened inside it (X6a).
      const at = open.lastIndexOf("i");
      if (at < 0) continue;
      open.length = at;
    }
    out += c;
  }
  for (let i = open.length - 1; i >= 0; i--) out += open[i] === "e" ? PDF : PDI;
  return out;
}

/** Whether a balanced text is one isolate from its first character to its last. */
function isolatedWhole(text: string): boolean {
  if (!OPENS_ISOLATE.test(text[0] ?? "") || !text.endsWith(PDI)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPENS_ISOLATE.test(c)) depth++;
    else if (c === PDI && --depth === 0) return i === text.length - 1;
  }
  return false;
}

function isolated(balanced: string): string {
  return isolatedWhole(balanced) ? balanced : `${FSI}${balanced}${PDI}`;
}

/** `text` balanced and, when it has bidi controls, isolated (FSI … PDI): a title, a name, a sentence. */
export function selfContainedBidi(text: string): string {
  const balanced = balancedBidi(text);
  return CONTROL.test(balanced) ? isolated(balanced) : balanced;
}

/**
 * `text` balanced and, when it has right-to-left letters or controls, isolated (FSI … PDI): for a text
 * set among others in one line, such as the headlines of a day joined by " · ". Without it, two Arabic
 * headlines side by side in a left-to-right line are shown in the opposite order, the dot between them
 * taking their direction.
 */
export function isolatedBidi(text: string): string {
  const balanced = balancedBidi(text);
  return RIGHT_TO_LEFT.test(balanced) || CONTROL.test(balanced) ? isolated(balanced) : balanced;
}
