/**
 * Writes text to the system clipboard. Returns `false` where the Clipboard API is missing
 * (pages served over plain http other than localhost) or the browser rejects the write,
 * such as when the document does not have focus.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  const clipboard = globalThis.navigator?.clipboard;
  if (typeof clipboard?.writeText !== 'function') return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
