import { create } from 'zustand';
import { storedInspectorWidth } from '../model/split-width';

const KEY = 'orbdeck.inspectorWidth';

function read(): number {
  try {
    return storedInspectorWidth(localStorage.getItem(KEY));
  } catch {
    return storedInspectorWidth(null);
  }
}

interface InspectorWidthState {
  width: number;
  /** Sets the width and remembers it for the next time the window opens. */
  setWidth(width: number): void;
}

/** The inspector's width beside the list, remembered in this browser profile (the window's local storage). */
export const useInspectorWidth = create<InspectorWidthState>()((set) => ({
  width: read(),
  setWidth: (width) => {
    set({ width });
    try {
      localStorage.setItem(KEY, String(width));
    } catch {
      // A window without storage keeps the width until it closes.
    }
  },
}));
