import type { Layer } from './layers.mjs';
export const LAYERS: Layer[];
