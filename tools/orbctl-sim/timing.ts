/**
 * How long things take at ORBCTL_SIM_SPEED=1. Weak evidence (docs/orbctl.md#durations-and-internal-limits): creates of ~10–20 s with a
 * download on first use of an image, start/stop "a few seconds at most", near-instant clones on btrfs,
 * export/import bounded by disk throughput. Every duration is divided by the speed.
 */
export const REALISTIC_MS = {
  /** OrbStack itself (auto-start, `orbctl start` with no machine). */
  vmStart: 2500,
  vmStop: 1500,
  /** How long orbctl waits for the VM before giving up (scli/ensure.go). */
  vmStartTimeout: 15_000,
  create: 8000,
  /** Extra on the first create of an image: the download. */
  imageDownload: 5000,
  /** Fetching the image index before `image not found`. */
  imageLookup: 800,
  cloudInit: 3000,
  start: 1500,
  stop: 1000,
  clone: 2000,
  delete: 1000,
  rename: 150,
  /** A quick RPC (list, info, default …). */
  rpc: 0,
} as const;

/** Disk throughput of export and import (bytes of machine data per second). */
export const THROUGHPUT_BYTES_PER_S = 80_000_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Keeps the process alive forever (until a signal ends it): a bare pending promise would let Node exit. */
export function sleepForever(): Promise<never> {
  return new Promise<never>(() => {
    setInterval(() => undefined, 1 << 30);
  });
}

/** Realistic milliseconds for moving `bytes` of machine data through export/import. */
export function dataMs(bytes: number): number {
  return (bytes / THROUGHPUT_BYTES_PER_S) * 1000;
}
