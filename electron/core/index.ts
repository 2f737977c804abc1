// The core's public face: what a host or a tool outside electron/ may build on. Hosts (electron/desktop,
// electron/headless) may also reach the core's parts; the benchmarks and other tools use only this.
export { createCore, type Core, type CoreOptions } from './app-core';
export { Timing } from './platform/timing';
export { ExportTargets } from './transfers/export-target';
export { exportJob } from './transfers/transfer-jobs';
export { SAMPLE_LINE } from './usage/usage-scripts';
export { DEFAULT_INTERVALS } from './machines/machine-poller';
