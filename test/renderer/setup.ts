import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetVisibleRows } from '../../renderer/commands/visible-rows';

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
