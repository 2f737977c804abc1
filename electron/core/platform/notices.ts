import type { Notice, NoticeLevel } from '../../../shared/ipc/contract';
import type { NoticeAction } from '../../../shared/ipc/types';
import type { EventHub } from './events';

/** Kept until dismissed; beyond this the oldest go (a loop of failures must not grow memory). */
const MAX_NOTICES = 50;

/**
 * Things the user must hear about that are not the answer to a request: a history that cannot be saved, a
 * damaged settings file set aside, jobs interrupted when OrbDeck last quit. Every window shows each notice
 * once, until dismissed. A `key` names the condition, so one that keeps happening is said once, not once per
 * occurrence, until the user dismisses it or `resolve(key)` says it is over.
 */
export class Notices {
  private readonly notices: Array<Notice & { key?: string }> = [];
  private counter = 0;

  constructor(
    private readonly events?: EventHub,
    private readonly now: () => number = Date.now,
  ) {}

  add(level: NoticeLevel, text: string, key?: string, action?: NoticeAction): Notice {
    const same = key === undefined ? undefined : this.notices.find((n) => n.key === key);
    if (same) return strip(same);
    const notice: Notice & { key?: string } = {
      id: `notice-${this.now().toString(36)}-${(++this.counter).toString(36)}`,
      level,
      text,
      time: this.now(),
      ...(key === undefined ? {} : { key }),
      ...(action === undefined ? {} : { action }),
    };
    this.notices.push(notice);
    if (this.notices.length > MAX_NOTICES) this.notices.splice(0, this.notices.length - MAX_NOTICES);
    try {
      this.events?.emit('notices:added', strip(notice));
    } catch {
      // A window that cannot be told pulls the list when it reconnects.
    }
    return strip(notice);
  }

  /** The condition behind `key` is over: a later occurrence is said again. The notice itself stays listed. */
  resolve(key: string): void {
    for (const n of this.notices) if (n.key === key) delete n.key;
  }

  /** True while a notice for `key` is listed. */
  has(key: string): boolean {
    return this.notices.some((n) => n.key === key);
  }

  /** Oldest first. */
  list(): Notice[] {
    return this.notices.map(strip);
  }

  dismiss(id: string): boolean {
    const at = this.notices.findIndex((n) => n.id === id);
    if (at < 0) return false;
    this.notices.splice(at, 1);
    return true;
  }
}

function strip(notice: Notice & { key?: string }): Notice {
  const { id, level, text, time, action } = notice;
  return action ? { id, level, text, time, action } : { id, level, text, time };
}
