import { useSyncExternalStore } from 'react';

/** Whether a media query matches now, re-rendering when it changes (window resized). */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Below this width the inspector slides over the list instead of sitting beside it. */
export const NARROW = '(max-width: 1040px)';
