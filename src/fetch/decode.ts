// Fetched bytes to text. The order is the web's: a byte-order mark, then the Content-Type charset, then
// what the document says about itself (HTML <meta charset>, the XML declaration), then UTF-8.
import sniffHtmlEncoding from "html-encoding-sniffer";
import { decode as decodeAsBuildDoes } from "../ingest/index.ts";

export type BodyKind = "html" | "xml" | "json";

export type DecodedBody = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** The WHATWG name for a charset label ("latin1" → "windows-1252"), or null when no encoding has that label. */
function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function charsetOf(contentType: string | null): string | null {
  const m = contentType && /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

function hasBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1");
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? encodingName(m[1]!) : null;
}

export function decodeBody(bytes: Uint8Array, contentType: string | null, kind: BodyKind): DecodedBody {
  if (bytes.length === 0) return { ok: false, reason: "empty response" };
  const header = charsetOf(contentType);
  const headerName = header ? encodingName(header) : null;
  let name: string;
  if (hasBom(bytes) || kind === "json") name = "UTF-8";
  else if (kind === "html") name = sniffHtmlEncoding(bytes, { transportLayerEncodingLabel: headerName ?? undefined, defaultEncoding: "UTF-8" });
  else name = headerName ?? xmlDeclaredEncoding(bytes) ?? "UTF-8";
  return decodeAs(bytes, name.toLowerCase());
}

function decodeAs(bytes: Uint8Array, name: string): DecodedBody {
  // UTF-8 and Windows-1252 (which the web also uses for "iso-8859-1" and "us-ascii") are read the way the
  // build reads files: UTF-8 when the bytes are valid UTF-8, else Windows-1252 with the project's own table
  // (Node's TextDecoder maps 0x80–0x9F to control characters). A page labelled Latin-1 that is really
  // UTF-8, the commonest mislabelling, is read right; BOMs are honoured there too.
  if (name === "utf-8" || name === "windows-1252" || hasBom(bytes)) {
    const d = decodeAsBuildDoes(bytes);
    return d.ok ? { ok: true, text: d.text, encoding: d.encoding } : d;
  }
  if (name === "replacement") return { ok: false, reason: "charset that cannot be decoded safely (replacement encoding)" };
  const twoByte = name === "utf-16le" || name === "utf-16be";
  if (!twoByte && bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: "binary content (NUL bytes), not text" };
  const text = new TextDecoder(name).decode(bytes);
  if (text.trim() === "") return { ok: false, reason: "no text (only white space)" };
  return { ok: true, text, encoding: name };
}
