// The window's chrome on macOS in Electron, as CSS: the title bar is the drag region, its controls are not, and
// there is room for the traffic lights only in Electron on macOS. (The component side is in
// renderer/views/shell/TitleBar.test.tsx; jsdom applies no stylesheet, so the rules are read here.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../renderer/styles/shell.css'), 'utf8');
/** The declarations of the rule whose selector list is exactly `selector`. */
const rule = (selector: string) => {
  const at = css.indexOf(`${selector} {`);
  return at === -1 ? '' : css.slice(at, css.indexOf('}', at));
};

describe('window chrome', () => {
  it('makes the title bar the drag region and keeps its controls clickable', () => {
    expect(rule('.titlebar')).toMatch(/-webkit-app-region: drag;/);
    expect(css).toMatch(/\.titlebar button,\s*\.titlebar input,[^{]*\{[^}]*-webkit-app-region: no-drag;/);
  });
  it('insets the title bar for the traffic lights only in Electron on macOS', () => {
    expect(rule('.traffic-light-space')).toMatch(/display: none;/);
    expect(rule('.traffic-light-space')).toMatch(/width: 68px;/);
    expect(rule(".app[data-shell='electron-mac'] .traffic-light-space")).toMatch(/display: block;/);
  });
});
