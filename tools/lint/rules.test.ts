import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from './layer-table.mjs';
import { layerOf } from './layers.mjs';

const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The errors of one rule `npm run lint` reports for `code` as if it were the file at `path`. */
async function errorsOf(rule: string, path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}
const layerErrors = (path: string, code: string) => errorsOf('local/layers', path, code);

describe('npm run lint keeps the layers', () => {
  it('refuses an import that climbs from the core into a host', async () => {
    const errors = await layerErrors(
      'electron/core/transfers/example.ts',
      "export { UploadStore } from '../../headless/uploads';\n",
    );
    expect(errors).toEqual([
      expect.stringContaining(
        'core/transfers (electron/core/transfers/example.ts) may not import headless host',
      ),
    ]);
  });

  it('refuses a feature reaching into another feature, and the engine reaching into a feature', async () => {
    expect(
      await layerErrors(
        'electron/core/run/example.ts',
        "export { suggestExport } from '../transfers/export-names';\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'electron/core/jobs/example.ts',
        "export type { Machines } from '../machines/machines';\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses the simulator importing the app, and the benchmarks reaching past the public faces', async () => {
    expect(
      await layerErrors(
        'tools/orbctl-sim/example.ts',
        "export { readExportHeader } from '../../electron/core/export-file/read-header';\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'tools/bench/core/example.ts',
        "export { JobManager } from '../../../electron/core/jobs/job-manager';\n",
      ),
    ).toHaveLength(1);
  });

  it('allows what the table allows: a feature on the engine, a host on the core, a tool on a public face', async () => {
    expect(
      await layerErrors(
        'electron/core/run/example.ts',
        "export { JobManager } from '../jobs/job-manager';\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors('electron/headless/example.ts', "export { createCore } from '../core/app-core';\n"),
    ).toEqual([]);
    expect(
      await layerErrors(
        'tools/bench/core/example.ts',
        "export { createCore } from '../../../electron/core';\n",
      ),
    ).toEqual([]);
    expect(await layerErrors('shared/example.ts', "export { fileStamp } from './file-stamp';\n")).toEqual([]);
  });
});

describe('npm run lint keeps issue numbers out of the code', () => {
  it('refuses them in comments and test names, and leaves other numbers alone', async () => {
    const code = `// ${'Issue'} 14: checkpoints\nit('saves (${'issue'} 15)', () => {});\nconst port = 8080; // orbstack#38\n`;
    const errors = await errorsOf('history/no-issue-numbers', 'electron/core/example.test.ts', code);
    expect(errors).toHaveLength(2);
  });
});

describe('every file of the main process, the shared rules and the tools has a layer', () => {
  it('so that none escapes the rule', () => {
    const product = (dir: string): string[] =>
      readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
        .map((f) => `${dir}/${f.split('\\').join('/')}`)
        .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !/\.(test|test-d|spec)\./.test(f));
    const files = ['electron', 'shared', 'tools/orbctl-sim', 'tools/bench'].flatMap(product);
    expect(files.length).toBeGreaterThan(200);
    expect(files.filter((f) => !layerOf(LAYERS, f))).toEqual([]);
  });
});
