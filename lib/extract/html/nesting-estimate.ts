// htmlparser2 keeps its stack of open elements with Array.unshift, so parsing costs the sum of the nesting depths:
// 50,000 unclosed elements (250 KB) took 3 s and 150,000 took 46 s before page-signals.ts could refuse the page.
// This linear scan estimates the depth from the tags alone and refuses a hostile page before it is parsed.
import { ExtractionError } from "../types";

/** Above page-signals.ts's exact limit (1000): the estimate can only err high, and real pages nest a few dozen. */
export const MAX_ESTIMATED_DEPTH = 2000;

const VOID = new Set(
  "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split(" "),
);
// Closed by their next sibling (an unclosed <p> or <li> does not nest the next one), so they never deepen a page.
const CLOSED_BY_SIBLING = new Set("p li dt dd option optgroup tr td th thead tbody tfoot rb rt rp".split(" "));
// Their content is text, not markup: "<div>" inside a script is not an element.
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noembed", "iframe", "plaintext"]);

const TOKEN = /<!--|<(\/?)([a-zA-Z][\w:-]*)/g;

export function assertShallowMarkup(html: string, limit = MAX_ESTIMATED_DEPTH): void {
  const stack: string[] = [];
  // How many of each name are open, so that a stray close tag costs nothing instead of a scan of the stack.
  const open = new Map<string, number>();
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    if (match[0] === "<!--") {
      const end = html.indexOf("-->", TOKEN.lastIndex);
      if (end < 0) return;
      TOKEN.lastIndex = end + 3;
      continue;
    }
    const name = match[2].toLowerCase();
    if (match[1]) {
      // A close tag closes everything above its element, as the parser does; a stray one closes nothing.
      if (!open.get(name)) continue;
      const at = stack.lastIndexOf(name);
      for (let i = at; i < stack.length; i++) open.set(stack[i], (open.get(stack[i]) ?? 1) - 1);
      stack.length = at;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, "gi");
      close.lastIndex = TOKEN.lastIndex;
      if (!close.exec(html)) return;
      TOKEN.lastIndex = close.lastIndex;
      continue;
    }
    if (VOID.has(name) || CLOSED_BY_SIBLING.has(name)) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > limit) {
      throw new ExtractionError(`page markup is nested more than ${limit} levels deep`);
    }
  }
}
