// Outlet names compared with each other and with web hosts. Shared by cleaning (which reads names off
// pages) and the digest (which decides which name credits an article).

/** News agencies whose copy other outlets carry with a credit: "(AP)", "— Reuters". */
export const WIRE_SERVICES = [
  "Reuters", "AFP", "AP", "Associated Press", "Agence France-Presse", "dpa", "ANI", "PTI", "IANS", "Xinhua",
  "Bloomberg", "ANSA", "EFE", "Kyodo", "Yonhap", "UPI", "TASS",
] as const;

const WIRE_KEYS = new Set(WIRE_SERVICES.map((w) => compactName(w)));

export function isWireService(name: string): boolean {
  return WIRE_KEYS.has(compactName(name));
}

/** Lower-case letters and digits only, accents dropped: "Süddeutsche Zeitung" → "suddeutschezeitung". */
export function compactName(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

// Second-level labels under which a country's sites register ("bbc.co.uk", "smh.com.au").
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go", "gv", "nic"]);

/** The label a site registered: "hosted.ap.org" → "ap", "www.bbc.co.uk" → "bbc", "localhost" → "localhost". */
export function hostLabel(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  if (labels.length < 2) return labels[0] ?? "";
  const last = labels.length - 1;
  const twoPart = labels.length >= 3 && labels[last]!.length === 2 && SECOND_LEVEL.has(labels[last - 1]!);
  return labels[last - (twoPart ? 2 : 1)]!;
}

// How German and Nordic names are written in web addresses: "Köln" → "koeln", "Jäger" → "jaeger", "Straße" → "strasse".
const TRANSLITERATION: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", æ: "ae", ø: "oe", œ: "oe" };
const TRANSLITERATED = /[äöüßæøœ]/giu;

/** The name with umlauts and ligatures written out ("Erzbistum Köln" → "Erzbistum Koeln"), or null when it has none. */
function transliterated(name: string): string | null {
  const nfc = name.normalize("NFC");
  if (!TRANSLITERATED.test(nfc)) return null;
  TRANSLITERATED.lastIndex = 0;
  return nfc.replace(TRANSLITERATED, (c) => {
    const out = TRANSLITERATION[c.toLowerCase()] ?? "";
    return c === c.toLowerCase() ? out : out.charAt(0).toUpperCase() + out.slice(1);
  });
}

function words(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * True when `name` could be the name of the site at `host`: the host's registered label holds the
 * name or is held by it ("VentureBeat", "MacRumors.com"), or is made of the name's words in order,
 * each whole or cut short ("nytimes" ← New York Times, "ap" ← Associated Press, "sz" ← Süddeutsche
 * Zeitung), umlauts read as written or written out ("Erzbistum Köln" ← erzbistum-koeln). A subdomain
 * never counts: "hosted.ap.org" is not the site of "Hosted".
 */
export function namesHost(name: string, host: string): boolean {
  const label = compactName(hostLabel(host));
  if (spellsLabel(name, label)) return true;
  // Umlauts written out, as addresses do: "Erzbistum Köln" names erzbistum-koeln.de.
  const written = transliterated(name);
  return written !== null && spellsLabel(written, label);
}

function spellsLabel(name: string, label: string): boolean {
  const whole = compactName(name);
  if (!label || !whole) return false;
  if (label.length >= 3 && whole.includes(label)) return true;
  // "Guardian" names theguardian.com; "News" does not name foxnews.com.
  if (whole.length >= Math.max(4, label.length * 0.6) && label.includes(whole)) return true;
  const parts = words(name);
  // can(i, j): label[i..] is built from words j.. in order, each contributing a non-empty prefix or skipped.
  const memo = new Map<string, boolean>();
  const can = (i: number, j: number): boolean => {
    if (i === label.length) return true;
    const key = `${i}:${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok = false;
    for (let k = j; k < parts.length && !ok; k++) {
      const w = parts[k]!;
      for (let p = Math.min(w.length, label.length - i); p >= 1 && !ok; p--) {
        if (label.startsWith(w.slice(0, p), i)) ok = can(i + p, k + 1);
      }
    }
    memo.set(key, ok);
    return ok;
  };
  return parts.length >= 2 && can(0, 0);
}
