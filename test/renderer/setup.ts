import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetVisibleRows } from '../../renderer/commands/visible-rows';

// The renderer's test files share their worker's modules (vitest.config.ts): each test starts from the stores'
// first state and empty web storage, as in a page just loaded, whatever the file before it left behind.
interface Store {
  getInitialState(): unknown;
  setState(state: unknown, replace: true): void;
}
const isStore = (value: unknown): value is Store =>
  typeof value === 'function' && 'getInitialState' in value && 'setState' in value;
const stores = Object.values(
  import.meta.glob<Record<string, unknown>>(['../../renderer/state/*.ts', '!**/*.test.ts'], {
    eager: true,
  }),
)
  .flatMap((module) => Object.values(module))
  .filter(isStore);

beforeEach(() => {
  for (const store of stores) store.setState(store.getInitialState(), true);
  localStorage.clear();
  sessionStorage.clear();
});

// jsdom has <dialog> but not its modal methods.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

afterEach(() => {
  cleanup();
  // The list reports its visible rows after a pause; a test that is over has no one to report to.
  resetVisibleRows();
});

// jsdom lays nothing out, so the virtualized machine list would measure its scroller (clientWidth/Height, as
// @tanstack/virtual-core does) as 0×0 and render no rows: give that one element a window's size.
for (const [prop, size] of [
  ['clientHeight', 800],
  ['clientWidth', 1000],
] as const) {
  const native = Object.getOwnPropertyDescriptor(Element.prototype, prop)!;
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('machine-grid') ? size : (native.get!.call(this) as number);
    },
  });
}
