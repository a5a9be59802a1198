// Polish (and Czech...) text saved in ISO-8859-2 or Windows-1250 without a byte-order mark is read in it, not
// as Windows-1252 ("Smażona" was shown as "Sma¿ona", "łyżki" as "³y¿ki"). Fixtures: two tuning-half dev pages'
// text dumps (webpages-dev 5b273eb6664cf1f4, dates-dev 7dd6dc3ea338bee2) saved in each encoding.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decode } from "../../src/ingest/index.ts";

const dir = join(import.meta.dirname, "../fixtures/decode/central-european");
const iso = readFileSync(join(dir, "pl-5b273eb6664cf1f4.iso-8859-2.txt"));
const windows = readFileSync(join(dir, "pl-7dd6dc3ea338bee2.windows-1250.txt"));
const truth = (bytes: Uint8Array, label: string) => new TextDecoder(label).decode(bytes).normalize("NFC");

describe("Central European text in a legacy encoding", () => {
  it("is read in ISO-8859-2 or Windows-1250, whichever it was saved in, and says so", () => {
    for (const [bytes, label, name] of [[iso, "iso-8859-2", "ISO-8859-2"], [windows, "windows-1250", "Windows-1250"]] as const) {
      const d = decode(bytes);
      if (!d.ok) throw new Error(d.reason);
      expect(d.encoding).toBe(label);
      expect(d.text).toBe(truth(bytes, label));
      expect(d.warnings.map((w) => w.text)[0]).toMatch(new RegExp(`^not valid UTF-8; read as ${name} \\(\\d+ signs within words in Windows-1252, \\d+ in ${name}\\)$`));
    }
    const d = decode(iso);
    expect(d.ok && d.text).toContain("Przyprawa w Mini kostkach Smażona cebula Knorr");
    expect(d.ok && d.text).not.toMatch(/[³¿±¶¼]/);
  });

  it("is read so in a saved page that names no charset", () => {
    const page = Buffer.concat([Buffer.from("<!doctype html><html><head><title>Pierogi</title></head><body><article><pre>"), iso, Buffer.from("</pre></article></body></html>")]);
    const d = decode(page, "html");
    expect(d.ok && d.encoding).toBe("iso-8859-2");
    expect(d.ok && d.text).toContain("łyżki");
  });

  it("a short Polish line with one word in it is left as Windows-1252 reads it (too little to tell)", () => {
    const d = decode(Buffer.from("Cena: 5 z\xb3 za sztuk\xea.\n", "latin1"));
    expect(d.ok && d.encoding).toBe("windows-1252");
  });

  // Hungarian writes ő and ű, which Windows-1252 reads as õ and û: letters there, so no word breaks. Fixtures:
  // tuning-half dev pages' text (dates-dev dfef528257528d35 Hungarian in ISO-8859-2; 45497da3f1b8924e Portuguese
  // and b81318d9c56c5d4e French, whose õ and û are their own, in Windows-1252).
  it("reads Hungarian in ISO-8859-2 (ő, ű, not õ, û), and leaves Portuguese õ and French û as they are", () => {
    const hungarian = readFileSync(join(dir, "hu-dfef528257528d35.iso-8859-2.txt"));
    const d = decode(hungarian);
    if (!d.ok) throw new Error(d.reason);
    expect(d.encoding).toBe("iso-8859-2");
    expect(d.text).toBe(truth(hungarian, "iso-8859-2"));
    expect(d.text).toContain("Száz évvel ezelőtt");
    expect(d.text).not.toMatch(/[õûÕÛ]/);
    expect(d.warnings.map((w) => w.text)[0]).toMatch(/^not valid UTF-8; read as ISO-8859-2 \(its letters are Hungarian's, with \d+ ő or ű, which Windows-1252 reads as õ or û\)$/);
    for (const name of ["pt-45497da3f1b8924e.windows-1252.txt", "fr-b81318d9c56c5d4e.windows-1252.txt"]) {
      const western = readFileSync(join(dir, name));
      const w = decode(western);
      expect(w.ok && w.encoding, name).toBe("windows-1252");
      expect(w.ok && w.text, name).toBe(truth(western, "windows-1252"));
    }
  });
});
