// Windows-1252, the reading of bytes that are not UTF-8 and say nothing else. It differs from Latin-1 only in
// 0x80–0x9F, where it has typographic characters. (Node's TextDecoder decodes "windows-1252" as Latin-1
// there, so the table is ours.)
const latin1 = new TextDecoder("latin1");

/** The characters of bytes 0x80–0x9F (five are undefined and read as the C1 control of their value). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
