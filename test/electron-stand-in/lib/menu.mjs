// Menu and MenuItem, kept as data: a test reads the application menu and clicks an item by its label path,
// and key presses the page did not handle are matched against the accelerators.
// Roles follow lib/browser/api/menu-item-roles.ts (labels, accelerators, the submenus of editMenu/windowMenu/…).
// On macOS most roles are performed natively (terminate:, performClose:, …); here that native part is
// emulated: quit → app.quit(), close → the focused window's close(), and so on. Guess, after
// https://www.electronjs.org/docs/latest/tutorial/keyboard-shortcuts and the 'before-input-event' entry of
// https://www.electronjs.org/docs/latest/api/web-contents: a menu accelerator fires only when the page did not
// handle the key press itself (its keydown was not default-prevented).
import { ROLES } from './menu-roles.mjs';
import { isMac, standIn } from './state.mjs';

const roleOf = (item) => (item.role ? ROLES[String(item.role).toLowerCase()] : undefined);
const value = (v) => (typeof v === 'function' ? v() : v);

export class MenuItem {
  constructor(options) {
    const role = roleOf(options);
    this.role = options.role;
    this.id = options.id;
    this.label = options.label ?? value(role?.label) ?? '';
    this.sublabel = options.sublabel ?? '';
    this.toolTip = options.toolTip ?? '';
    this.accelerator = options.accelerator ?? role?.accelerator;
    this.registerAccelerator = options.registerAccelerator ?? role?.register ?? true;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    const sub = options.submenu ?? value(role?.submenu);
    this.submenu = sub ? (sub instanceof Menu ? sub : Menu.buildFromTemplate(sub)) : null;
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    if (this.type === 'submenu' && !this.submenu) throw new Error('Invalid submenu');
    this._click = options.click;
    this._roleRun = role?.run;
  }

  /** What a click does: the role's own action (native on macOS), then the click handler. */
  click(event = {}, focusedWindow = standIn.focused, focusedWebContents = focusedWindow?.webContents) {
    if (this.type === 'checkbox') this.checked = !this.checked;
    if (this.type === 'radio') this.checked = true;
    this._roleRun?.(focusedWindow);
    if (typeof this._click === 'function')
      this._click(this, focusedWindow ?? undefined, {
        shiftKey: false,
        ctrlKey: false,
        altKey: false,
        metaKey: false,
        triggeredByAccelerator: false,
        ...event,
      });
    void focusedWebContents;
  }
}

export class Menu {
  static _application = null;
  /** The context menu on screen, if any. */
  static _popup = null;

  static buildFromTemplate(template) {
    if (!Array.isArray(template))
      throw new TypeError('Invalid template for Menu: Menu template must be an array');
    if (
      !template.every(
        (t) => t && typeof t === 'object' && ('label' in t || 'role' in t || t.type === 'separator'),
      )
    )
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new Menu();
    for (const options of template)
      menu.append(options instanceof MenuItem ? options : new MenuItem(options));
    return menu;
  }
  static setApplicationMenu(menu) {
    Menu._application = menu;
  }
  static getApplicationMenu() {
    return Menu._application;
  }
  static sendActionToFirstResponder() {}

  constructor() {
    this.items = [];
  }
  append(item) {
    this.items.push(item);
  }
  insert(position, item) {
    this.items.splice(position, 0, item);
  }
  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item;
      const found = item.submenu?.getMenuItemById(id);
      if (found) return found;
    }
    return null;
  }
  /**
   * Electron shows the menu at the pointer and calls `callback` when it closes, after the chosen item's click
   * (https://www.electronjs.org/docs/latest/api/menu#menupopupoptions). Here it stays open until a test clicks
   * an item or dismisses it (control: popup.state / popup.click / popup.dismiss).
   */
  popup(options = {}) {
    Menu._popup?.close();
    const close = () => {
      if (Menu._popup?.menu !== this) return;
      Menu._popup = null;
      options.callback?.();
    };
    Menu._popup = { menu: this, window: options.window ?? null, close };
  }
  closePopup() {
    if (Menu._popup?.menu === this) Menu._popup.close();
  }

  /** The item at a label path (['File', 'Export…']); throws with the labels there when it is missing. */
  _find(path) {
    let items = this.items;
    let item = null;
    for (const label of path) {
      if (!items) throw new Error(`"${item?.label}" has no submenu`);
      item = items.find((i) => i.label === label && i.type !== 'separator') ?? null;
      if (!item)
        throw new Error(
          `No menu item "${label}"; there are: ${items
            .filter((i) => i.label)
            .map((i) => i.label)
            .join(', ')}`,
        );
      items = item.submenu?.items ?? null;
    }
    return item;
  }

  /** The menu as plain data, for tests. */
  _describe() {
    return this.items.map((i) => ({
      label: i.label,
      type: i.type,
      role: i.role,
      enabled: i.enabled,
      visible: i.visible,
      checked: i.checked,
      accelerator: i.accelerator,
      sublabel: i.sublabel,
      toolTip: i.toolTip,
      ...(i.submenu ? { submenu: i.submenu._describe() } : {}),
    }));
  }
}

/** Clicks the item at `path` as a user would (disabled or hidden items cannot be clicked). */
export function clickMenuItem(menu, path, event = {}) {
  if (!menu) throw new Error('There is no such menu');
  const item = menu._find(path);
  if (!item.enabled || !item.visible)
    throw new Error(`"${path.join(' › ')}" is ${item.enabled ? 'hidden' : 'disabled'}`);
  if (item.type === 'submenu' || item.type === 'separator')
    throw new Error(`"${path.join(' › ')}" is a ${item.type}`);
  item.click(event);
}

function parseAccelerator(accelerator) {
  const parts = accelerator
    .split('+')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const wants = { meta: false, ctrl: false, alt: false, shift: false, key: '' };
  for (const part of parts) {
    if (part === 'cmd' || part === 'command' || part === 'super' || part === 'meta') wants.meta = true;
    else if (part === 'cmdorctrl' || part === 'commandorcontrol') wants[isMac ? 'meta' : 'ctrl'] = true;
    else if (part === 'ctrl' || part === 'control') wants.ctrl = true;
    else if (part === 'alt' || part === 'option' || part === 'altgr') wants.alt = true;
    else if (part === 'shift') wants.shift = true;
    else wants.key = part === 'plus' ? '+' : part;
  }
  if (accelerator.endsWith('++')) wants.key = '+';
  return wants;
}

const CODE_KEYS = {
  Comma: ',',
  Period: '.',
  Slash: '/',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Minus: '-',
  Equal: '=',
  Backquote: '`',
  Space: 'space',
  Enter: 'enter',
  Tab: 'tab',
  Backspace: 'backspace',
  Delete: 'delete',
  Escape: 'esc',
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};
const ALIASES = { return: 'enter', escape: 'esc', del: 'delete' };

function keyName({ key, code }) {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^Digit\d$/.test(code)) return code.slice(5);
  return CODE_KEYS[code] ?? key.toLowerCase();
}

/** A key press the page did not handle: the first enabled application-menu item with that accelerator. */
export function handleMenuKey(key, window) {
  const pressed = keyName(key);
  const matches = (accelerator) => {
    const w = parseAccelerator(accelerator);
    return (
      (ALIASES[w.key] ?? w.key) === pressed &&
      w.meta === key.meta &&
      w.ctrl === key.ctrl &&
      w.alt === key.alt &&
      w.shift === key.shift
    );
  };
  const search = (menu) => {
    for (const item of menu?.items ?? []) {
      if (!item.visible) continue;
      if (item.submenu) {
        const found = search(item.submenu);
        if (found) return found;
      } else if (item.enabled && item.accelerator && item.registerAccelerator && matches(item.accelerator))
        return item;
    }
    return null;
  };
  const item = search(Menu._application);
  if (item)
    item.click(
      {
        triggeredByAccelerator: true,
        metaKey: key.meta,
        ctrlKey: key.ctrl,
        altKey: key.alt,
        shiftKey: key.shift,
      },
      window,
      window.webContents,
    );
}
