import { useEffect, useRef } from 'react';
import { useUi } from '../state/ui';
import { useMedia } from './use-media';

/** Below this width the sidebar would take a quarter of the window: it steps aside. */
export const SIDEBAR_FITS = '(min-width: 900px)';

/**
 * The sidebar collapses by itself when the window gets narrow and comes back when it is wide again, as Mail's
 * does; in between, Show Sidebar still brings it back by hand.
 */
export function useSidebarFollowsWidth(): void {
  const fits = useMedia(SIDEBAR_FITS);
  const started = useRef(false);
  useEffect(() => {
    // A window that opens wide keeps the sidebar as it is.
    if (!started.current && fits) {
      started.current = true;
      return;
    }
    started.current = true;
    useUi.setState({ sidebarCollapsed: !fits });
  }, [fits]);
}
