import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useInspectorWidth } from '../state/inspector-width';
import { SplitDivider } from './SplitDivider';

const area = () => ({ clientWidth: 1600 }) as HTMLElement;
const divider = () => screen.getByRole('separator', { name: 'Inspector width' });

beforeEach(() => {
  localStorage.clear();
  useInspectorWidth.setState({ width: 320 });
});

describe('the divider between the list and the inspector', () => {
  it('is adjusted from the keyboard and remembers the width', async () => {
    render(<SplitDivider area={area} />);
    expect(divider()).toHaveAttribute('aria-valuenow', '320');
    expect(divider()).toHaveAttribute('aria-valuemin', '280');
    expect(divider()).toHaveAttribute('aria-valuemax', '720');
    divider().focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(divider()).toHaveAttribute('aria-valuenow', '352');
    expect(localStorage.getItem('orbdeck.inspectorWidth')).toBe('352');
    await userEvent.keyboard('{End}');
    expect(divider()).toHaveAttribute('aria-valuenow', '720');
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(divider()).toHaveAttribute('aria-valuenow', '656');
  });

  it('follows a drag to the left (wider) within its limits, and a double-click gives the usual width', () => {
    render(<SplitDivider area={area} />);
    fireEvent.pointerDown(divider(), { button: 0, clientX: 1000, pointerId: 1 });
    fireEvent.pointerMove(divider(), { clientX: 900, pointerId: 1 });
    expect(useInspectorWidth.getState().width).toBe(420);
    fireEvent.pointerMove(divider(), { clientX: 100, pointerId: 1 });
    expect(useInspectorWidth.getState().width).toBe(720);
    fireEvent.pointerUp(divider(), { pointerId: 1 });
    fireEvent.pointerMove(divider(), { clientX: 1500, pointerId: 1 });
    expect(useInspectorWidth.getState().width).toBe(720);
    fireEvent.doubleClick(divider());
    expect(useInspectorWidth.getState().width).toBe(320);
  });
});
