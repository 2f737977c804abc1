// ESLint rule `layers`: each folder of the tree is a layer, and a file may import only from its own layer and
// from the layers its entry allows. The table is in eslint.config.js; docs/layout.md draws it. Imports are
// resolved from the importing file, so `../../x` and `./x` are judged by where they land, not how they are spelled.
import { posix, relative, sep } from 'node:path';

/** The layer a repository path belongs to: the entry with the longest matching folder prefix. */
export function layerOf(layers, path) {
  let best = null;
  for (const layer of layers) {
    for (const folder of layer.folders) {
      const hit = folder.endsWith('/')
        ? (path + '/').startsWith(folder)
        : path === folder || path.startsWith(folder + '.');
      if (hit && (!best || folder.length > best.length)) best = { layer, length: folder.length };
    }
  }
  return best?.layer ?? null;
}

/** Why `from` may not import `to`, or null when it may. Paths are relative to the repository, with `/`. */
export function refusal(layers, from, to) {
  const a = layerOf(layers, from);
  // `to` may name a folder (`../orbctl`): its index file is what is imported.
  const b = layerOf(layers, to + '/index');
  if (!a || !b || a === b) return null;
  if (a.may.includes(b.name)) return null;
  return `${a.name} (${from}) may not import ${b.name} (${to}). ${a.name} may import: ${a.may.join(', ') || 'nothing outside itself'}.`;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Folders are layers: a file imports only from the layers its own may use.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, layers: { type: 'array' } } }],
  },
  create(context) {
    const { root, layers } = context.options[0];
    const file = relative(root, context.filename).split(sep).join('/');
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      const why = refusal(layers, file, target);
      if (why) context.report({ node, message: why });
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
