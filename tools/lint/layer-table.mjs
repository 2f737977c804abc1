// Folders are layers (docs/layout.md draws this table; eslint.config.js applies it with tools/lint/layers.mjs). A file imports only from its own layer and the layers
// named in its `may`; anything else is a lint error. A folder entry ends in `/`; a file entry has no extension.
const CORE_BASE = ['shared', 'core/platform'];
const CORE_ENGINE = [
  ...CORE_BASE,
  'core/ipc',
  'core/file-access',
  'core/export-file',
  'core/orbctl',
  'core/jobs',
];
const CORE_SERVICES = [...CORE_ENGINE, 'core/cloud-init', 'core/machines'];
const CORE_FEATURES = [
  'core/app',
  'core/desktop',
  'core/transfers',
  'core/checkpoints',
  'core/run',
  'core/presets',
  'core/usage',
  'core/sandboxes',
  'core/start-policy',
];
const WHOLE_CORE = [...CORE_SERVICES, ...CORE_FEATURES, 'core/links', 'core'];
const feature = (name) => ({ name: `core/${name}`, folders: [`electron/core/${name}/`], may: CORE_SERVICES });
export const LAYERS = [
  { name: 'shared', folders: ['shared/'], may: [] },
  // the main process's Electron-free core, from what everything stands on to the features and createCore
  { name: 'core/platform', folders: ['electron/core/platform/'], may: ['shared'] },
  { name: 'core/ipc', folders: ['electron/core/ipc/'], may: CORE_BASE },
  { name: 'core/file-access', folders: ['electron/core/file-access/'], may: CORE_BASE },
  { name: 'core/export-file', folders: ['electron/core/export-file/'], may: CORE_BASE },
  { name: 'core/orbctl', folders: ['electron/core/orbctl/'], may: [...CORE_BASE, 'core/file-access'] },
  { name: 'core/jobs', folders: ['electron/core/jobs/'], may: [...CORE_BASE, 'core/ipc', 'core/orbctl'] },
  { name: 'core/cloud-init', folders: ['electron/core/cloud-init/'], may: CORE_ENGINE },
  { name: 'core/machines', folders: ['electron/core/machines/'], may: [...CORE_ENGINE, 'core/cloud-init'] },
  ...CORE_FEATURES.map((name) => feature(name.slice('core/'.length))),
  // links act through other features (an export, a machine from a preset)
  {
    name: 'core/links',
    folders: ['electron/core/links/'],
    may: [...CORE_SERVICES, 'core/transfers', 'core/presets'],
  },
  {
    name: 'core',
    folders: ['electron/core/app-core', 'electron/core/services', 'electron/core/features'],
    may: WHOLE_CORE,
  },
  // the two hosts of the core, and the agent endpoint both open beside their windows
  {
    name: 'agent endpoint',
    folders: ['electron/agent-endpoint/'],
    may: ['shared', 'core/platform', 'core/ipc'],
  },
  {
    name: 'desktop host',
    folders: ['electron/desktop/'],
    may: [...WHOLE_CORE, 'agent endpoint', 'mcp program'],
  },
  { name: 'headless host', folders: ['electron/headless/'], may: [...WHOLE_CORE, 'agent endpoint'] },
  // the MCP program (npm run mcp, and the desktop app started with --mcp): an MCP server on stdio that reaches
  // OrbDeck through the agent endpoint, and starts the headless host itself where no OrbDeck runs
  {
    name: 'mcp program',
    folders: ['electron/mcp/'],
    may: ['shared', 'agent endpoint', 'headless public face'],
  },
  // programs of their own: the orbctl simulator knows only the shared rules; the benchmarks use the public faces
  { name: 'orbctl simulator', folders: ['tools/orbctl-sim/'], may: ['shared'] },
  {
    name: 'benchmarks',
    folders: ['tools/bench/'],
    may: ['shared', 'core public face', 'headless public face', 'scripts'],
  },
  { name: 'core public face', folders: ['electron/core/index'], may: WHOLE_CORE },
  {
    name: 'headless public face',
    folders: ['electron/headless/index'],
    may: ['headless host', ...WHOLE_CORE],
  },
  { name: 'scripts', folders: ['scripts/'], may: [] },
];
