import { hash } from "node:crypto";

/** A short, stable hexadecimal digest of a string (its UTF-8) or of bytes. */
export function shortHash(data: string | Uint8Array, length = 10): string {
  return hash("sha256", data).slice(0, length);
}

/** 32-bit FNV-1a: fast, stable across runs and machines. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
