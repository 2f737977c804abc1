/**
 * The layout of an OrbStack machine export (`orbctl export`, docs/orbctl.md#export-file-layout): a zstd *skippable frame* that holds
 * the machine's config as JSON (so a reader can preview a file without decompressing it), then ordinary zstd
 * frames holding a tar whose first entry is the config again and whose data lives under `rootfs/`.
 */

/** Magic of the skippable frame OrbStack writes; bytes `5C 2A 4D 18` on disk (little-endian u32). */
export const ORBSTACK_SKIPPABLE_MAGIC = 0x184d2a5c;
/** zstd reserves 16 skippable magics, 0x184D2A50 … 0x184D2A5F; decoders skip all of them. */
export const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
export const SKIPPABLE_MAGIC_BASE = 0x184d2a50;
/** Magic of an ordinary zstd frame; bytes `28 B5 2F FD` on disk. */
export const ZSTD_FRAME_MAGIC = 0xfd2fb528;
/** OrbStack's own magic inside the skippable frame; bytes `CC 1A B5 07` on disk. */
export const ORBSTACK_MAGIC = 0x07b51acc;
export const EXPORT_FORMAT_VERSION = 1;

/** The tar entry that carries the config; always the first entry. */
export const CONFIG_ENTRY_NAME = '_orbstack/v1/config.json';
/** Every file of the machine lives under this folder of the tar. */
export const ROOTFS_PREFIX = 'rootfs/';

/** skippable magic (4) + frame size (4) + OrbStack magic (4) + format version (4). */
export const HEADER_PREFIX_BYTES = 16;
/** A config of more than this is not something OrbStack writes; refuse it rather than read a huge frame. */
export const MAX_HEADER_JSON_BYTES = 4 * 1024 * 1024;

export function isSkippableMagic(magic: number): boolean {
  return (magic & SKIPPABLE_MAGIC_MASK) >>> 0 === SKIPPABLE_MAGIC_BASE;
}

/**
 * What the first 16 bytes of a file say: an OrbStack export, something else, or too short to tell. Used by the
 * window to refuse a dropped file before uploading it; the main process still reads the whole header.
 */
export function sniffExport(prefix: Uint8Array): 'export' | 'not-export' | 'too-short' {
  if (prefix.length < HEADER_PREFIX_BYTES) return 'too-short';
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  return view.getUint32(0, true) === ORBSTACK_SKIPPABLE_MAGIC && view.getUint32(8, true) === ORBSTACK_MAGIC
    ? 'export'
    : 'not-export';
}
