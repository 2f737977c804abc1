import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/ipc/contract';
import { EventHub } from './events';
import { Notices } from './notices';

describe('Notices', () => {
  it('lists what was added, tells every window, and forgets what was dismissed', () => {
    const events = new EventHub();
    const sent: Notice[] = [];
    events.on('notices:added', (n) => sent.push(n));
    const notices = new Notices(events, () => 1000);
    const a = notices.add('warning', 'History could not be saved: the disk is full.');
    const b = notices.add('info', 'History is saved again.');
    expect(notices.list()).toEqual([a, b]);
    expect(sent).toEqual([a, b]);
    expect(a).toEqual({ id: expect.stringMatching(/^notice-/), level: 'warning', text: a.text, time: 1000 });
    expect(notices.dismiss(a.id)).toBe(true);
    expect(notices.dismiss(a.id)).toBe(false);
    expect(notices.list()).toEqual([b]);
  });

  it('says a condition that keeps happening once, until it is over or dismissed', () => {
    const notices = new Notices();
    const first = notices.add('warning', 'full', 'disk');
    expect(notices.add('warning', 'full again', 'disk')).toEqual(first);
    expect(notices.list()).toHaveLength(1);
    notices.resolve('disk');
    notices.add('warning', 'full once more', 'disk');
    expect(notices.list().map((n) => n.text)).toEqual(['full', 'full once more']);
    notices.dismiss(notices.list()[1]!.id);
    notices.add('warning', 'and again', 'disk');
    expect(notices.list().map((n) => n.text)).toEqual(['full', 'and again']);
  });

  it('keeps a bounded number', () => {
    const notices = new Notices();
    for (let i = 0; i < 500; i++) notices.add('info', `n${i}`);
    expect(notices.list()).toHaveLength(50);
    expect(notices.list()[0]!.text).toBe('n450');
  });
});
