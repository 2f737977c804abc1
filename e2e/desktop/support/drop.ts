import type { Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Drops files from disk on `target` as a Finder drag does: dragenter, dragover and drop with a DataTransfer of
 * File objects holding the files' bytes. In Electron such a File knows its path (webUtils.getPathForFile);
 * the stand-in is told that path here, so the preload's pathForFile answers it.
 */
export async function dropFromDisk(target: Locator, paths: string[]): Promise<void> {
  const files = paths.map((path) => ({
    path,
    name: basename(path),
    base64: readFileSync(path).toString('base64'),
  }));
  const dataTransfer = await target.page().evaluateHandle((list) => {
    const standIn = (window as unknown as Record<symbol, { setPathForFile(file: File, path: string): void }>)[
      Symbol.for('electron-stand-in')
    ]!;
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      const file = new File([bytes], f.name, { type: 'application/octet-stream' });
      standIn.setPathForFile(file, f.path);
      dt.items.add(file);
    }
    return dt;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}
