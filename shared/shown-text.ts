/**
 * Names and labels OrbDeck shows people (preset names, checkpoint labels, the machines and files of an export's
 * index and manifest, the name in an export's header) may not hold characters that change how the text reads:
 * control characters (a newline, an escape that starts a terminal sequence), line separators, and the
 * bidirectional controls with which `invoice\u202Efdp.exe` displays as `invoiceexe.pdf`.
 */
const HIDDEN = /[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** What is wrong with `text` as a name people see, as a sentence about `what` ("A preset name"), or null. */
export function shownTextProblem(text: string, what = 'A name'): string | null {
  return HIDDEN.test(text)
    ? `${what} cannot hold control characters, line breaks or right-to-left marks.`
    : null;
}

/** `text` with each such character replaced by a space (for text OrbDeck writes itself, such as an error's reason). */
export function plainText(text: string): string {
  return text.replace(new RegExp(HIDDEN.source, 'gu'), ' ');
}
