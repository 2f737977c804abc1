import { describe, expect, it } from 'vitest';
import { parseHeadlessArgs } from './args';

describe('parseHeadlessArgs', () => {
  it('defaults to any free port, real orbctl, opening a browser', () => {
    expect(parseHeadlessArgs([])).toEqual({ port: 0, demo: false, open: true, help: false });
  });

  it('reads every flag, with or without =', () => {
    expect(parseHeadlessArgs(['--port', '8123', '--demo', '--no-open'])).toEqual({
      port: 8123,
      demo: true,
      open: false,
      help: false,
    });
    expect(parseHeadlessArgs(['--port=0']).port).toBe(0);
  });

  it.each([['--port'], ['--port', 'x'], ['--port', '70000'], ['--port', '-1'], ['--host', '0.0.0.0']])(
    'refuses %j',
    (...argv) => {
      expect(() => parseHeadlessArgs(argv)).toThrow();
    },
  );
});
