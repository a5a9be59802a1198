// A sentence that leaves a quotation open or closes one it did not open: a speaker's words run over two or
// more sentences ('He said: "It was close.' … 'We won."'). Alone in a summary it shows a quotation mark
// with no partner, and its words read as the summary's own or as cut off.

const STRAIGHT = 34; // "
const OPENING = 0x201c; // “
const CLOSING = 0x201d; // ”
const LOW = 0x201e; // „ (German and other languages open with it and close with “)
const LEFT_GUILLEMET = 0xab; // «
const RIGHT_GUILLEMET = 0xbb; // »

/** Whether the sentence's double quotation marks (straight, curly, low-high, guillemets) leave one without its partner. */
export function unbalancedQuote(text: string): boolean {
  let straight = 0;
  let opening = 0;
  let closing = 0;
  let low = 0;
  let left = 0;
  let right = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === STRAIGHT) straight++;
    else if (c === OPENING) opening++;
    else if (c === CLOSING) closing++;
    else if (c === LOW) low++;
    else if (c === LEFT_GUILLEMET) left++;
    else if (c === RIGHT_GUILLEMET) right++;
  }
  if (straight % 2 === 1 || left !== right) return true;
  // „…“ (German), „…” (Polish and others), “…” (English): every low mark opens, so the rest pair with it.
  if (low > 0) return low !== opening + closing;
  return opening !== closing;
}
