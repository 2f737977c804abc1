import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetStores, stubApi } from '../../../test/renderer/support';
import { shellOf } from '../../model/shell';
import { TitleBar } from './TitleBar';

beforeEach(() => {
  resetStores([]);
  stubApi({ 'checkpoint:list': () => [] });
});

describe('the title bar on macOS in Electron', () => {
  it('is told apart from the browser and other platforms', () => {
    expect(shellOf({ transport: 'electron', platform: 'darwin' })).toBe('electron-mac');
    expect(shellOf({ transport: 'electron', platform: 'linux' })).toBe('electron');
    expect(shellOf({ transport: 'headless', platform: 'darwin' })).toBe('browser');
    expect(shellOf(null)).toBe('browser');
  });

  it('is the window’s drag region, with its controls left clickable', () => {
    const { container } = render(<TitleBar />);
    const bar = container.querySelector('header.titlebar')!;
    expect(bar).toHaveAttribute('data-drag-region', 'true');
    // The CSS rules themselves are checked in scripts/window-chrome.test.ts (jsdom applies no stylesheet).
    expect(screen.getByRole('searchbox', { name: 'Filter machines' })).toBeInTheDocument();
  });

  it('leaves room for the traffic lights only in Electron on macOS', () => {
    const { container } = render(<TitleBar />);
    expect(container.querySelector('.traffic-light-space')).not.toBeNull();
  });
});
