import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles } from './support/drop';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { Host } from './support/host';
import { button } from './support/ui';

// Verification is never implied: a browser sends an export's checksum with it when both are chosen or dropped
// together, and the preview says plainly whether the file was checked.
function exportWithSum(host: Host, machine: string): { name: string; bytes: Buffer; sum: Buffer } {
  const dir = join(host.home, 'files');
  mkdirSync(dir, { recursive: true });
  const name = `${machine}.tar.zst`;
  const result = host.sim('export', machine, join(dir, name));
  if (result.status !== 0) throw new Error(result.stderr);
  const bytes = readFileSync(join(dir, name));
  const sum = Buffer.from(`${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`);
  return { name, bytes, sum };
}
const zst = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/zstd', buffer });
const text = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/plain', buffer });
const checksumLine = (page: Page, machine: string) =>
  page.getByRole('dialog', { name: `Import “${machine}”` }).getByRole('status', { name: 'Checksum' });

test('an export chosen with its checksum is checked; chosen alone, the preview says it was not', async ({
  page,
  host,
}) => {
  const { name, bytes, sum } = exportWithSum(host, 'debian');
  await button(page, 'Import…').click();
  await page
    .getByLabel('Choose export files to import')
    .setInputFiles([zst(name, bytes), text(`${name}.sha256`, sum)]);
  await expect(checksumLine(page, 'debian')).toHaveText(
    'Checksum checked: the file is exactly as it was exported.',
    {
      timeout: 15_000,
    },
  );
  await expect(page.locator('.toasts').getByRole('alert')).toHaveCount(0);
  await button(page.getByRole('dialog', { name: 'Import “debian”' }), 'Cancel').click();

  await button(page, 'Import…').click();
  await page.getByLabel('Choose export files to import').setInputFiles([zst(name, bytes)]);
  await expect(checksumLine(page, 'debian')).toHaveText(
    'Not checked: no checksum came with this file. To check it, drop or choose its .sha256 file together with it.',
  );
});

test('a changed export dropped with its checksum is said not to match it', async ({ page, host }) => {
  const { name, bytes, sum } = exportWithSum(host, 'alpine');
  const changed = Buffer.from(bytes);
  changed.writeUInt8(changed.readUInt8(changed.length - 1) ^ 0xff, changed.length - 1);
  await dropFiles(page, page.locator('main'), [
    { name, bytes: changed },
    { name: `${name}.sha256`, bytes: sum },
  ]);
  await expect(checksumLine(page, 'alpine')).toHaveText(/^Checksum checked: the file does not match it\./, {
    timeout: 15_000,
  });
});
