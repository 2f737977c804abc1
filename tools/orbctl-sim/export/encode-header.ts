import type { ExportedMachine } from '../../../shared/export-config';
import {
  EXPORT_FORMAT_VERSION,
  HEADER_PREFIX_BYTES,
  ORBSTACK_MAGIC,
  ORBSTACK_SKIPPABLE_MAGIC,
} from '../../../shared/export-layout';

/**
 * The skippable frame that opens an export: `5C 2A 4D 18`, the frame size (LE u32, counting what follows it),
 * `CC 1A B5 07`, the format version (LE u32) and the config as compact JSON (Go's json.Marshal). zstd decoders
 * skip the whole frame; OrbStack (and OrbDeck) read it to show a file's machine without decompressing anything.
 * Only a type is imported from the schema, so writing a file never loads zod.
 */
export function encodeExportHeader(config: ExportedMachine, formatVersion = EXPORT_FORMAT_VERSION): Buffer {
  const json = Buffer.from(JSON.stringify(config), 'utf8');
  const out = Buffer.alloc(HEADER_PREFIX_BYTES + json.length);
  out.writeUInt32LE(ORBSTACK_SKIPPABLE_MAGIC, 0);
  out.writeUInt32LE(8 + json.length, 4);
  out.writeUInt32LE(ORBSTACK_MAGIC, 8);
  out.writeUInt32LE(formatVersion, 12);
  json.copy(out, HEADER_PREFIX_BYTES);
  return out;
}
