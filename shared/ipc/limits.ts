/**
 * How much one message between a window and the core may carry, in bytes of its JSON: the one place both
 * transports, the contract and the window take these limits from.
 */

/** A request a window sends; the headless host closes a WebSocket that sends more (1009). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** An answer or event the core sends a window; a larger answer is refused with a clear error instead. */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** A presets file (`presets:preview`, `presets:import`), leaving room for the rest of its request. */
export const MAX_PRESETS_FILE_BYTES = MAX_REQUEST_BYTES - 4 * 1024;

/** Bytes `value` takes as JSON (UTF-8). */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** "1 MiB", "2.3 MiB", "900 KiB". */
export function sizeWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}
