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
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

let nextId = 1;

/** Passing toasts beyond this many go, oldest first; sticky ones only go when dismissed. */
const MAX_PASSING = 5;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (toast) => {
    const id = nextId++;
    set((state) => {
      const toasts = [...state.toasts, { ...toast, id }];
      const passing = toasts.filter((t) => !t.sticky);
      const drop = new Set(passing.slice(0, Math.max(0, passing.length - MAX_PASSING)));
      return { toasts: toasts.filter((t) => !drop.has(t)) };
    });
    return id;
  },
  dismiss: (id) => {
    const toast = get().toasts.find((t) => t.id === id);
    set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) }));
    toast?.onDismiss?.();
  },
}));
