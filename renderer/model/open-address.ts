/**
 * Hands an address (ssh://, vscode://) to the browser, which passes it to the app registered for it, as a
 * clicked link would; the page itself stays where it is.
 */
export function openAddress(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noreferrer';
  link.click();
}
