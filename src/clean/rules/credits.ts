// Photo captions and credits: "Photo: Gene J. Puskar", "REUTERS/Jane Doe", "… Credit: ESA".
import type { CleanRule } from "./types.ts";
import * as lineDoc from "../doc.ts";
import { dropLine } from "../doc.ts";
import { dropWhere } from "./lines.ts";

// Bound once: under tsx an imported name is read through a getter on every use.
const { MARK_COLON, MARK_COPYRIGHT, MARK_PIPE, MARK_SLASH } = lineDoc;

/** Photo agencies whose name closes a credit. */
const AGENCIES = "getty images|reuters|ap|afp|epa|bloomberg|shutterstock|alamy|pa|anadolu|xinhua|dpa|zuma|sipa|nurphoto";
const AGENCY_SUFFIX = "(?: (?:file|photo|images?))?";
/** A photographer's name: capitalised words, initials allowed. */
const NAME = "\\p{Lu}[\\p{L}.'’ -]*";

const CREDIT =
  /(?:^|[.()\]\s])(?:file |stock |main |top |cover )?(?:photo|photograph|image|picture|pic|video|illustration|graphic|credit|photo credit|image credit|source)s?\s*(?:by)?\s*[:/©]\s*[^.!?]{1,60}$/i;
const AGENCY_CREDIT = /\b(?:photo|image|picture)\s*(?:by|:|\/)?\s*[^.]{0,40}\b(?:reuters|afp|ap|getty images?|epa|shutterstock|afp via getty images|anadolu|xinhua|pti|ani|ians)\b[^.]{0,20}$/i;
const SLASH_CREDIT = /\b(?:REUTERS|AFP|AP|EPA|Getty Images|Reuters)\s*\/\s*[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){0,3}\.?$/u;

/** A caption of any length closed by its credit after a full stop: "…active. Credit: ESA". */
const CAPTION_CREDIT_END = /[.)\]]\s*(?:photo |image |picture )?credits?\s*:\s*[^.!?:]{1,40}$/i;
/** "Photo: Gene J. Puskar": a labelled credit standing alone, initials and all. */
const LABELLED_CREDIT = /^(?:photo|photograph|image|picture|video|credit|illustration)s?\s*(?:by)?\s*[:/©]\s*\p{Lu}[^!?]{0,60}$/iu;
/** "Sanjeev Verma/Hindustan Times/Getty Images": photographer and agencies, slash-separated. */
const NAME_SLASH_AGENCY = /^\p{Lu}[\p{L}.'’ -]*(?:\/\p{Lu}[\p{L}.'’ -]*)+$/u;
/** AGENCY_CREDIT's agency stands within twenty characters of the line's end. */
const AGENCY_NEAR_END = /\b(?:reuters|afp|ap|getty|epa|shutterstock|anadolu|xinhua|pti|ani|ians)\b/;
const AGENCY_WORD = /photo|image|picture/;
/** "1of4Grass Valley's…", "3 / 12": a gallery slide's counter opens its caption. */
const GALLERY_COUNTER = /^\d{1,3} ?(?:of|\/) ?\d{1,3}(?:\p{Lu}|\s*$)/u;
const AGENCY_END = new RegExp(`(?:${AGENCIES})${AGENCY_SUFFIX}$`);
/** "Natalie Naccache | Bloomberg | Getty Images", "J. Scott Applewhite / AP file": names, then a photo agency. */
const NAMES_THEN_AGENCY = new RegExp(`^${NAME}(?:\\s*[|/]\\s*${NAME})*\\s*[|/]\\s*(?:${AGENCIES})${AGENCY_SUFFIX}$`, "iu");
/** A caption that ends in its credit: "…on July 25, 2019.J. Scott Applewhite / AP file". */
const CAPTION_WITH_CREDIT = new RegExp(`[.)]\\s*\\p{Lu}[\\p{L}.'’ -]{2,40}\\s*[|/]\\s*(?:${AGENCIES})${AGENCY_SUFFIX}$`, "iu");
/** "…in Montecito, California. (Photo by Kevin Mazur/Getty Images for Ithaca Holdings)". */
const PAREN_CREDIT = /\((?:photo|image|picture|credit)s?(?: by|:)[^()]{2,80}\)$/i;
const COPYRIGHT = /^(?:©|copyright\b)/i;

/** Captions and photo credits: "Boxes of ammunition … File photo: AP", "(Photo: AFP)", "REUTERS/Jane Doe". */
export const photoCredit: CleanRule = {
  name: "photo-credit",
  apply(doc) {
    dropWhere(doc, "photo-credit", (line) => {
      const t = line.text;
      // Cheap gates first: each credit pattern needs one of these marks or words.
      const marked = (line.marks & (MARK_COLON | MARK_SLASH | MARK_COPYRIGHT)) !== 0;
      if (marked && line.norm.includes("credit") && CAPTION_CREDIT_END.test(t)) return true;
      if (t.endsWith(")") && PAREN_CREDIT.test(t)) return true;
      const slashed = (line.marks & (MARK_SLASH | MARK_PIPE)) !== 0;
      // A caption closed by its credit, however long: "…oppose it. Jaafar ASHTIYEH / AFP".
      if (slashed && AGENCY_END.test(line.norm.slice(-24)) && CAPTION_WITH_CREDIT.test(t)) return true;
      if (line.words > 60) return false;
      // Both patterns end the line within about a hundred characters: test only the end of long lines.
      const tail = t.length > 120 ? t.slice(-120) : t;
      if (marked && (CREDIT.test(tail) || (line.words <= 10 && LABELLED_CREDIT.test(t)))) return true;
      if (AGENCY_NEAR_END.test(line.norm.slice(-40)) && AGENCY_WORD.test(line.norm) && AGENCY_CREDIT.test(tail)) return true;
      if ((line.marks & MARK_SLASH) !== 0 && (SLASH_CREDIT.test(t) || (line.words <= 8 && NAME_SLASH_AGENCY.test(t)))) return true;
      // Credits that end in an agency's name: read only the line's last characters.
      if (slashed && line.words <= 10 && AGENCY_END.test(line.norm.slice(-24)) && NAMES_THEN_AGENCY.test(t)) return true;
      // Both patterns are anchored: a digit, and © or a c, must open the line.
      const first = t.charCodeAt(0);
      if (first >= 48 && first <= 57 && GALLERY_COUNTER.test(t)) return true;
      return line.words <= 15 && (first === 0xa9 || (first | 32) === 99) && COPYRIGHT.test(t);
    });
    // The caption sits just above its credit: a descriptive line, thin in function words.
    for (let i = 1; i < doc.lines.length; i++) {
      if (doc.lines[i]!.drop !== "photo-credit" || doc.lines[i - 1]!.drop !== null) continue;
      const above = doc.lines[i - 1]!;
      if (above.words >= 5 && above.stops < 0.25) dropLine(doc, i - 1, "photo-caption");
    }
  },
};
