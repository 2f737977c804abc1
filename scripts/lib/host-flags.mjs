// How the headless host's Node process is started (npm run serve, the benchmarks). Measured by `npm run bench`
// (core RSS after 1,000 operations): with Node's defaults 150 MB, of which the JavaScript heap is 13 MB; the
// rest is a young generation grown to its 16 MB-per-semi-space maximum under the churn of process output, and
// glibc's per-thread malloc arenas. Capped, the same run ends near 85 MB at no cost the benchmarks can see.
// --optimize-for-size (V8 grows its heap less eagerly and keeps less compiled code): over the bench's ~67 s soak
// the RSS went 75 → 92 MB (peak 93) without it; with it, in six runs, 67–79 → 72–81 MB (peak 75–81). The
// JavaScript heap was 14–16 MB in both; the idle CPU of the host was no higher (2026-12-02).
export const HOST_NODE_ARGS = ['--max-semi-space-size=1', '--optimize-for-size'];
export const HOST_ENV = { MALLOC_ARENA_MAX: '2' };
