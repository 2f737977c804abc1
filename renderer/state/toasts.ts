import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'error';
  text: string;
  error?: AppErrorData;
  /** Stays until the user dismisses it, however many toasts come after (the core's notices). */
  sticky?: boolean;
  /** Called when the user dismisses it. */
  onDismiss?: () => void;
  /** A button beside the words (a notice's: Extend 1 Hour); choosing it dismisses the toast. */
  action?: { label: string; run(): void };
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

let nextId = 1;

/** How long a passing toast (info, success) stays before it fades; warnings stay longer, errors until dismissed. */
export const TOAST_MS: Record<Toast['kind'], number | null> = {
  info: 4000,
  success: 4000,
  warning: 8000,
  error: null,
};

/** At most this many errors are kept (the newest); each also stays in History and on its machine's row. */
const MAX_ERRORS = 3;

/** How long this toast shows; one with something to do (Show in Finder) gives the time to do it. */
export function toastMs(t: Pick<Toast, 'kind' | 'sticky' | 'action'>): number | null {
  const ms = t.sticky ? null : TOAST_MS[t.kind];
  return ms !== null && t.action ? Math.max(ms, 8000) : ms;
}

/** Whether a toast stays until dismissed. */
export const staysUntilDismissed = (t: Pick<Toast, 'kind' | 'sticky'>) =>
  !!t.sticky || TOAST_MS[t.kind] === null;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (toast) => {
    const id = nextId++;
    set((state) => {
      const toasts = [...state.toasts, { ...toast, id }];
      const errors = toasts.filter((t) => t.kind === 'error' && !t.sticky);
      const drop = new Set(errors.slice(0, Math.max(0, errors.length - MAX_ERRORS)));
      return { toasts: toasts.filter((t) => !drop.has(t)) };
    });
    const ms = toastMs(toast);
    if (ms !== null) setTimeout(() => get().dismiss(id), ms);
    return id;
  },
  dismiss: (id) => {
    const toast = get().toasts.find((t) => t.id === id);
    if (!toast) return;
    set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) }));
    toast.onDismiss?.();
  },
}));
