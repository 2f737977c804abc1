// What crosses between the main process and a page. Electron serialises IPC arguments with the HTML structured
// clone algorithm (https://www.electronjs.org/docs/latest/api/ipc-renderer#ipcrendererinvokechannel-args), so a
// value that cannot be cloned fails as it would there, and Dates, Maps, typed arrays and `undefined` survive. The
// stand-in's pages are reached through CDP strings, hence this codec: structuredClone first (same errors, same
// normalisation of class instances into plain objects), then a tagged JSON tree. The function is self-contained
// because its source is also injected into every page.

/** @returns {{ encode(value: unknown): string, decode(text: string): unknown, clone(value: unknown): unknown }} */
export function wireCodec() {
  const toBase64 = (bytes) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
    return btoa(binary);
  };
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const TYPED = [
    'Int8Array',
    'Uint8Array',
    'Uint8ClampedArray',
    'Int16Array',
    'Uint16Array',
    'Int32Array',
    'Uint32Array',
    'Float32Array',
    'Float64Array',
    'BigInt64Array',
    'BigUint64Array',
  ];
  const tag = (value, seen) => {
    if (value === undefined) return ['u'];
    if (value === null) return ['l'];
    switch (typeof value) {
      case 'boolean':
      case 'string':
        return [typeof value === 'string' ? 's' : 'b', value];
      case 'number':
        return Number.isFinite(value) && !Object.is(value, -0) ? ['n', value] : ['N', String(value)];
      case 'bigint':
        return ['g', String(value)];
    }
    if (seen.has(value))
      throw new Error('electron-stand-in: cyclic values cannot cross its IPC (Electron allows them)');
    seen.add(value);
    try {
      if (value instanceof Date) return ['d', value.getTime()];
      if (value instanceof RegExp) return ['r', value.source, value.flags];
      if (value instanceof Error) return ['e', value.name, value.message, value.stack ?? ''];
      if (value instanceof ArrayBuffer) return ['B', toBase64(new Uint8Array(value))];
      if (ArrayBuffer.isView(value)) {
        const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return ['t', value.constructor.name, toBase64(bytes)];
      }
      if (value instanceof Map) return ['m', [...value].map(([k, v]) => [tag(k, seen), tag(v, seen)])];
      if (value instanceof Set) return ['S', [...value].map((v) => tag(v, seen))];
      if (Array.isArray(value)) return ['a', value.map((v) => tag(v, seen))];
      return ['o', Object.keys(value).map((k) => [k, tag(value[k], seen)])];
    } finally {
      seen.delete(value);
    }
  };
  const untag = (node) => {
    switch (node[0]) {
      case 'u':
        return undefined;
      case 'l':
        return null;
      case 'b':
      case 's':
      case 'n':
        return node[1];
      case 'N':
        return Number(node[1]);
      case 'g':
        return BigInt(node[1]);
      case 'd':
        return new Date(node[1]);
      case 'r':
        return new RegExp(node[1], node[2]);
      case 'e': {
        const error = new Error(node[2]);
        error.name = node[1];
        error.stack = node[3];
        return error;
      }
      case 'B':
        return fromBase64(node[1]).buffer;
      case 't': {
        const bytes = fromBase64(node[2]);
        const Ctor = TYPED.includes(node[1]) ? globalThis[node[1]] : Uint8Array;
        if (node[1] === 'DataView' || node[1] === 'Buffer')
          return node[1] === 'DataView' ? new DataView(bytes.buffer) : bytes;
        return new Ctor(bytes.buffer, 0, bytes.byteLength / (Ctor.BYTES_PER_ELEMENT || 1));
      }
      case 'm':
        return new Map(node[1].map(([k, v]) => [untag(k), untag(v)]));
      case 'S':
        return new Set(node[1].map(untag));
      case 'a':
        return node[1].map(untag);
      case 'o': {
        const out = {};
        for (const [k, v] of node[1]) out[k] = untag(v);
        return out;
      }
      default:
        throw new Error(`electron-stand-in: unknown wire tag ${node[0]}`);
    }
  };
  return {
    /** Throws like Electron's serializer (a DataCloneError) for functions, symbols, DOM objects in Node, … */
    clone: (value) => structuredClone(value),
    encode: (value) => JSON.stringify(tag(structuredClone(value), new Set())),
    decode: (text) => untag(JSON.parse(text)),
  };
}
