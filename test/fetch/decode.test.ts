// Fetched bytes to text: header charset, BOM, meta charset, XML declaration, Windows-1252 done right.
import { describe, expect, it } from "vitest";
import { decodeBody } from "../../src/fetch/decode.ts";

const cp1252 = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0x97, 0x20, 0x63, 0x61, 0x66, 0xe9]); // “Hi” €5 — café
const html = (head: string, body: Buffer) => Buffer.concat([Buffer.from(`<html><head>${head}</head><body><p>`), body, Buffer.from("</p></body></html>")]);

function text(bytes: Buffer, type: string | null, kind: "html" | "xml" | "json" = "html"): string {
  const d = decodeBody(bytes, type, kind);
  if (!d.ok) throw new Error(d.reason);
  return d.text;
}

describe("decodeBody", () => {
  it("reads Windows-1252 named by the Content-Type header with the typographic characters of 0x80–0x9F", () => {
    expect(text(html("", cp1252), "text/html; charset=windows-1252")).toContain("“Hi” €5 — café");
    expect(text(html("", cp1252), "text/html; charset=ISO-8859-1")).toContain("“Hi” €5 — café");
  });

  it("reads a meta charset when the header names none", () => {
    expect(text(html('<meta charset="windows-1252">', cp1252), "text/html")).toContain("“Hi” €5 — café");
    expect(text(html('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">', Buffer.from([0xa1, 0xb1])), null)).toContain("Ąą");
  });

  it("lets a BOM win over the header, and reads the XML declaration of a feed", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>café</p>")]);
    expect(text(utf8, "text/html; charset=windows-1252")).toBe("<p>café</p>");
    const koi8 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="KOI8-R"?><rss><channel><title>'), Buffer.from([0xe4, 0xc1]), Buffer.from("</title></channel></rss>")]);
    expect(text(koi8, "application/rss+xml", "xml")).toContain("<title>Да</title>");
  });

  it("reads a page labelled Latin-1 that is really UTF-8 as UTF-8", () => {
    expect(text(html("", Buffer.from("“Hi” café")), "text/html; charset=iso-8859-1")).toContain("“Hi” café");
  });

  it("refuses empty and binary bodies", () => {
    expect(decodeBody(Buffer.alloc(0), "text/html", "html")).toEqual({ ok: false, reason: "empty response" });
    expect(decodeBody(Buffer.from([0x3c, 0x70, 0, 0, 1, 2]), "text/html", "html").ok).toBe(false);
  });
});
