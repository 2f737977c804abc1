/** The orbctl adapter: locate, run, parse, map errors, gate by version. See orbctl.ts for the entry point. */
export { Orbctl, ORB_SSH_HOST, ORB_SSH_PORT } from './orbctl';
export type { CallOptions, CreateRequest, Limits, OrbctlOptions, OrbStackStatus } from './orbctl';
export { DEFAULT_KILL_GRACE_MS, DEFAULT_TIMEOUTS_MS, ORBCTL_COMMANDS } from './commands';
export type { OrbctlCommand } from './commands';
export { ORBCTL_ENV_VAR, extraBinDirs, locateOrbctl, orbctlEnv, probeFile } from './locate';
export type { FileProbe, LocatedOrbctl, LocateInput, OrbctlSource } from './locate';
export { FEATURE_MIN_VERSION, atLeast, capabilitiesOf, parseVersionOutput } from './version';
export type { OrbctlFeature } from './version';
export { parseInfoJson, parseListJson } from './parse';
export { checkMachineRef, checkNewName } from './validate';
