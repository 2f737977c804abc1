/**
 * OrbStack machine export files (docs/orbctl.md#export-file-layout), for the simulator and the app. `readExportHeader` previews a
 * file without decompressing it; the rest writes and reads the raw-block zstd frames and the tar inside.
 * Importing this module loads zod (through the header reader); the simulator imports the files it needs directly.
 */
export * from './layout';
export { encodeExportHeader } from '../../sim/export/encode-header';
export { headerLength, parseExportConfig, parseExportHeader, readExportHeader } from './read-header';
export {
  exportedMachineSchema,
  exportedRecordSchema,
  type ExportedMachine,
  type ExportedRecord,
} from './schema';
export {
  MAX_BLOCK_SIZE,
  RawZstdFrameEncoder,
  ZstdFormatError,
  ZstdStreamDecoder,
  encodeRawBlock,
  encodeRawZstdFrame,
  encodeZstdFrameHeader,
} from '../../sim/export/zstd-frame';
export {
  TAR_BLOCK,
  TAR_END,
  TarFormatError,
  TarStreamParser,
  decodeTarHeader,
  encodeTarDir,
  encodeTarFile,
  encodeTarHeader,
  tarPadding,
  type TarEntryHeader,
  type TarEvent,
} from '../../sim/export/tar';
