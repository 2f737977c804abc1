import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PopupMenu, type PopupItem } from './PopupMenu';

const items: PopupItem[] = [
  { kind: 'item', id: 'start', label: 'Start', enabled: false, reason: 'web is already running' },
  { kind: 'item', id: 'stop', label: 'Stop', enabled: true },
  { kind: 'separator' },
  { kind: 'item', id: 'rename', label: 'Rename…', enabled: true },
];

const menu = (byKeyboard?: boolean, onChoose = vi.fn()) =>
  render(
    <PopupMenu
      items={items}
      x={10}
      y={10}
      label="Actions for web"
      onChoose={onChoose}
      onClose={() => {}}
      {...(byKeyboard === undefined ? {} : { byKeyboard })}
    />,
  );

describe('a drawn menu', () => {
  it('opened with the mouse highlights nothing until an arrow key or the pointer moves', async () => {
    const onChoose = vi.fn();
    menu(undefined, onChoose);
    expect(screen.getByRole('menu', { name: 'Actions for web' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Stop' })).toHaveFocus();
    fireEvent.mouseEnter(screen.getByRole('menuitem', { name: 'Rename…' }));
    expect(screen.getByRole('menuitem', { name: 'Rename…' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledWith('rename');
  });

  it('opened from the keyboard highlights its first enabled item', () => {
    menu(true);
    expect(screen.getByRole('menuitem', { name: 'Stop' })).toHaveFocus();
  });

  it('says why an item is disabled, under its label (shown while the pointer is on it)', () => {
    menu();
    const start = screen.getByRole('menuitem', { name: 'Start' });
    expect(start).toHaveAttribute('aria-disabled', 'true');
    expect(start).toHaveAccessibleDescription('web is already running');
    expect(start.querySelector('.menu-reason')).toHaveTextContent('web is already running');
  });

  it('goes from no highlight to the last item with the up arrow', async () => {
    menu();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Rename…' })).toHaveFocus();
  });
});
