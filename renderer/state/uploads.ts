import { create } from 'zustand';

export interface Upload {
  id: number;
  name: string;
  loaded: number;
  total: number;
  abort: AbortController;
}

interface UploadState {
  uploads: Upload[];
  start(name: string, total: number): Upload;
  progress(id: number, loaded: number, total: number): void;
  finish(id: number): void;
}

let nextId = 1;

/** Files on their way to the headless host (drag and drop in a browser), shown in Activity. */
export const useUploads = create<UploadState>()((set) => ({
  uploads: [],
  start: (name, total) => {
    const upload: Upload = { id: nextId++, name, loaded: 0, total, abort: new AbortController() };
    set((s) => ({ uploads: [...s.uploads, upload] }));
    return upload;
  },
  progress: (id, loaded, total) =>
    set((s) => ({ uploads: s.uploads.map((u) => (u.id === id ? { ...u, loaded, total } : u)) })),
  finish: (id) => set((s) => ({ uploads: s.uploads.filter((u) => u.id !== id) })),
}));
