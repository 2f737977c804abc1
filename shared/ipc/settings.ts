import { z } from 'zod';
import { absolutePath } from './schemas';

/** Settings, persisted in ORBDECK_DATA_DIR/settings.json. Every field has a default; bad values are refused. */
export const SETTINGS_SCHEMA = z.object({
  /** The orbctl to use, chosen by hand; null = find it (ORBDECK_ORBCTL still wins). */
  orbctlPath: absolutePath.nullable(),
  /** Milliseconds between polls of `orbctl list` while a window is visible. */
  pollIntervalMs: z.number().int().min(1000, 'at least 1 second').max(60_000, 'at most 60 seconds'),
  /** Where the export dialog starts; null = the last folder used, else Downloads. */
  exportFolder: absolutePath.nullable(),
  /** The folder of the last export (kept by OrbDeck, not shown as a setting). */
  lastExportFolder: absolutePath.nullable(),
  notifications: z.boolean(),
  openAtLogin: z.boolean(),
  /** Closing the window keeps OrbDeck in the menu bar. */
  closeToMenuBar: z.boolean(),
  /** With closeToMenuBar: also hide the Dock icon while no window is open. */
  hideDockWhenClosed: z.boolean(),
  /** Agents (MCP clients) may use OrbDeck through its agent endpoint; off closes the endpoint. */
  agentEndpoint: z.boolean(),
  /** Agents may also start and stop machines that are not sandboxes (they change sandboxes only, always). */
  agentsMayStartStop: z.boolean(),
});
export type Settings = z.infer<typeof SETTINGS_SCHEMA>;

export const DEFAULT_SETTINGS: Settings = {
  orbctlPath: null,
  pollIntervalMs: 3000,
  exportFolder: null,
  lastExportFolder: null,
  notifications: true,
  openAtLogin: false,
  closeToMenuBar: true,
  hideDockWhenClosed: false,
  agentEndpoint: true,
  agentsMayStartStop: false,
};

/** A change to some settings, as the core makes it. */
export const SETTINGS_PATCH = SETTINGS_SCHEMA.partial().strict();
export type SettingsPatch = z.infer<typeof SETTINGS_PATCH>;

/**
 * What a window may change. The orbctl to run is chosen only by the person, through `orbctl:choose` (a page must
 * never be able to pick the program OrbDeck runs), and the last export folder is OrbDeck's own note.
 */
export const SETTINGS_USER_PATCH = SETTINGS_SCHEMA.omit({ orbctlPath: true, lastExportFolder: true })
  .partial()
  .strict();
export type SettingsUserPatch = z.infer<typeof SETTINGS_USER_PATCH>;
