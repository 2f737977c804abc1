// Module hooks (https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks): the name
// `electron` (and its main-process subpaths) resolves to the stand-in; everything else resolves as usual.
const standIn = new URL('./electron.mjs', import.meta.url).href;
const NAMES = new Set(['electron', 'electron/main', 'electron/common']);

export async function resolve(specifier, context, nextResolve) {
  if (NAMES.has(specifier)) return { url: standIn, format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}
