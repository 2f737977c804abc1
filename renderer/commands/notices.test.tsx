import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/ipc/contract';
import { Toasts } from '../components/Toasts';
import { resetStores, stubApi } from '../../test/renderer/support';
import { forgetShownNotices, pullNotices, showNotice } from './notices';
import { useToasts } from '../state/toasts';

const notice = (id: string, text: string, level: Notice['level'] = 'warning'): Notice => ({
  id,
  level,
  text,
  time: 1,
});

beforeEach(() => {
  resetStores();
  forgetShownNotices();
});

describe('notices from the core', () => {
  it('shows each once as a toast that stays until dismissed, and dismisses it in the core', async () => {
    const full = notice(
      'notice-1',
      'History could not be saved: the disk is full. Finished jobs stay listed and are written when saving works again.',
    );
    const { api, invoke } = stubApi({
      'notices:list': () => [full],
      'notices:dismiss': () => ({ dismissed: true }),
    });
    render(<Toasts />);
    await act(() => pullNotices(api));
    await act(() => pullNotices(api)); // a reconnect pulls again
    act(() => showNotice(full, api)); // and the event may cross the pull
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(full.text);
    expect(alert).toHaveClass('toast-warning');
    // Ordinary toasts come and go; the notice stays in view, with the newest of them beside it.
    act(() => {
      for (let i = 0; i < 10; i++) useToasts.getState().push({ kind: 'info', text: `passing ${i}` });
    });
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['passing 8×', 'passing 9×']);
    expect(screen.getByRole('button', { name: '8 more…' })).toBeVisible();
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(invoke).toHaveBeenCalledWith('notices:dismiss', { id: 'notice-1' });
    await act(() => pullNotices(api));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an info notice as a status, and survives a core that cannot list them', async () => {
    const { api } = stubApi({});
    await pullNotices(api);
    render(<Toasts />);
    act(() => showNotice(notice('notice-2', 'History is saved again.', 'info'), api));
    expect(screen.getByRole('status')).toHaveTextContent('History is saved again.');
  });
});
