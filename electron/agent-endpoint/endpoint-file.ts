/**
 * Where a running OrbDeck's agent endpoint is: `agent-endpoint.json` in the data folder, readable by the user only
 * (0600), with the port on 127.0.0.1, the token a client must show, and who serves it. Written when the endpoint
 * opens, removed when it closes; the MCP program reads it to find OrbDeck.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { realWriter, type FileWriter } from '../core/platform/storage';

export const ENDPOINT_FILE = 'agent-endpoint.json';
/** The data folder a client looks in: the same rule as the app's (ORBDECK_DATA_DIR, else the platform's place). */
export { defaultDataDir } from '../core/platform/data-dir';

const endpointSchema = z.object({
  version: z.literal(1),
  port: z.number().int().min(1).max(65535),
  token: z.string().min(32).max(128),
  pid: z.number().int().positive(),
  /** Which host serves it: the desktop app, or the headless host (also the one the MCP program starts). */
  host: z.enum(['desktop', 'headless']),
  demo: z.boolean(),
});
export type EndpointInfo = z.infer<typeof endpointSchema>;

export const endpointFile = (dataDir: string) => join(dataDir, ENDPOINT_FILE);

export function writeEndpointFile(
  dataDir: string,
  info: EndpointInfo,
  writer: FileWriter = realWriter,
): void {
  writer.replace(endpointFile(dataDir), JSON.stringify(info) + '\n');
}

/** The endpoint a running OrbDeck serves, or null: none, damaged, open to others than the user, or its process gone. */
export function readEndpointFile(dataDir: string): EndpointInfo | null {
  const file = endpointFile(dataDir);
  try {
    // A token others could read is no secret: such a file was not written by OrbDeck.
    if ((statSync(file).mode & 0o077) !== 0) return null;
    const parsed = endpointSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success || !alive(parsed.data.pid)) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/** Removes the file if it is still this endpoint's (a newer OrbDeck may have written its own since). */
export function removeEndpointFile(dataDir: string, token: string, writer: FileWriter = realWriter): void {
  try {
    const now = JSON.parse(readFileSync(endpointFile(dataDir), 'utf8')) as { token?: unknown };
    if (now.token === token) writer.remove(endpointFile(dataDir));
  } catch {
    // Gone already, or not ours.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process; OrbDeck's own file would not name one.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
