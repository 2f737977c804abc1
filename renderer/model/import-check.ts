import type { ChecksumVerdict } from '../../shared/ipc/types';

/**
 * What the import preview says about an export's checksum, plainly: whether it was checked, and if not, why
 * and how to have it checked. An uploaded file (a browser's drop or pick) has a checksum only when its `.sha256`
 * came with it; a file on disk has one when it lies beside it. `said`: the core's own words, when they say more
 * than the verdict does.
 */
export function importCheckMessage(verdict: ChecksumVerdict, uploaded: boolean, said?: string): string {
  switch (verdict) {
    case 'verified':
      return 'Checksum checked: the file is exactly as it was exported.';
    case 'mismatch':
      return 'Checksum checked: the file does not match it. It changed after it was exported, or it is damaged.';
    case 'missing':
      // The core says more when a checksum file was there but skipped (not a regular file, too big, …).
      if (said) return `Not checked: ${said}`;
      return uploaded
        ? 'Not checked: no checksum came with this file. To check it, drop or choose its .sha256 file together with it.'
        : 'Not checked: there is no checksum (.sha256) beside this file.';
    case 'writing':
      return 'Not checked yet: an export is still writing this file.';
  }
}
