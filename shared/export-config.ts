import { z } from 'zod';

/**
 * The config JSON an export carries (`ExportedMachineV1` in OrbStack's source). The record has the shape of
 * `orbctl list -f json`; unknown fields are kept so a newer OrbStack's additions survive a round trip.
 */
export const exportedRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  image: z.looseObject({
    distro: z.string(),
    version: z.string(),
    arch: z.string(),
    variant: z.string(),
  }),
  config: z.looseObject({
    isolated: z.boolean().optional(),
    default_username: z.string(),
  }),
  builtin: z.boolean(),
  state: z.string(),
});

export const exportedSubvolumeSchema = z.looseObject({
  path: z.string(),
  parent_qgroup: z.union([z.string(), z.number()]).optional(),
  read_only: z.boolean().optional(),
});

export const exportedMachineSchema = z.looseObject({
  version: z.number().int(),
  record: exportedRecordSchema,
  exported_at: z.string(),
  host_uid: z.number().int(),
  host_gid: z.number().int(),
  source_fs: z.string(),
  // Go marshals a nil slice as null.
  subvolumes: z.array(exportedSubvolumeSchema).nullable(),
});

export type ExportedRecord = z.output<typeof exportedRecordSchema>;
export type ExportedMachine = z.output<typeof exportedMachineSchema>;
