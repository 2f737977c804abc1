/** One layer of the tree: the folders (ending in `/`) or files (no extension) it holds, and the layers it may import. */
export interface Layer {
  name: string;
  folders: string[];
  may: string[];
}
export function layerOf(layers: readonly Layer[], path: string): Layer | null;
export function refusal(layers: readonly Layer[], from: string, to: string): string | null;
export const layersRule: unknown;
