// The headless host's public face for tools: the benchmarks start it around a bare page, with a router and an
// event hub of their own instead of a whole core.
export { startHeadlessServer, type HeadlessServer } from './server';
export { UploadStore } from './uploads';
export { EventHub } from '../core/platform/events';
export { Router } from '../core/ipc/router';
// The headless host as a whole (the MCP program starts one when no OrbDeck runs).
export { startHeadlessHost, type HeadlessHost, type HeadlessHostOptions } from './start-host';
