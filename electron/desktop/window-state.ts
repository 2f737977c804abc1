import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(200).max(20000),
  maximized: z.boolean().optional(),
});
export type WindowState = z.infer<typeof stateSchema>;

export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state) + '\n');
  } catch {
    // Losing the window position is not worth an error.
  }
}

/**
 * The saved bounds if the window would still be reachable on one of today's displays (at least a 100×50 strip of
 * its title bar visible); otherwise null, and the window opens centred. Displays come and go (an unplugged monitor).
 */
export function boundsOnScreen(saved: WindowState | null, displays: readonly Rect[]): WindowState | null {
  if (!saved) return null;
  const visible = displays.some((d) => {
    const left = Math.max(saved.x, d.x);
    const right = Math.min(saved.x + saved.width, d.x + d.width);
    const top = Math.max(saved.y, d.y);
    const bottom = Math.min(saved.y + 50, d.y + d.height);
    return right - left >= 100 && bottom - top >= 30;
  });
  if (!visible) return null;
  const display = displays.find((d) => saved.x >= d.x && saved.x < d.x + d.width) ?? displays[0]!;
  return {
    ...saved,
    width: Math.min(saved.width, display.width),
    height: Math.min(saved.height, display.height),
  };
}
