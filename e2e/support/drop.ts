import type { Locator, Page } from '@playwright/test';

export interface DroppedFile {
  name: string;
  bytes: Buffer;
}

/**
 * Drops real files on `target` the way a Finder drag does: dragenter, dragover and drop events carrying a
 * DataTransfer that holds File objects built from the given bytes.
 */
export async function dropFiles(page: Page, target: Locator, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: 'application/octet-stream' }));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })),
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}
