// Menu and MenuItem, kept as data: a test reads the application menu and clicks an item by its label path,
// and key presses the page did not handle are matched against the accelerators.
// Roles follow lib/browser/api/menu-item-roles.ts (labels, accelerators, the submenus of editMenu/windowMenu/…).
// On macOS most roles are performed natively (terminate:, performClose:, …); here that native part is
// emulated: quit → app.quit(), close → the focused window's close(), and so on. Guess, after
// https://www.electronjs.org/docs/latest/tutorial/keyboard-shortcuts and the 'before-input-event' entry of
// https://www.electronjs.org/docs/latest/api/web-contents: a menu accelerator fires only when the page did not
// handle the key press itself (its keydown was not default-prevented).
import { app } from './app.mjs';
import { isMac, standIn } from './state.mjs';

const ROLES = {
  about: { label: () => `About ${app.name}`, run: () => app.showAboutPanel() },
  close: { label: isMac ? 'Close Window' : 'Close', accelerator: 'CommandOrControl+W', run: (w) => w?.close() },
  copy: { label: 'Copy', accelerator: 'CommandOrControl+C', run: (w) => w?.webContents.copy(), register: false },
  cut: { label: 'Cut', accelerator: 'CommandOrControl+X', run: (w) => w?.webContents.cut(), register: false },
  paste: { label: 'Paste', accelerator: 'CommandOrControl+V', run: (w) => w?.webContents.paste(), register: false },
  pasteandmatchstyle: { label: 'Paste and Match Style', accelerator: isMac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V', run: (w) => w?.webContents.pasteAndMatchStyle(), register: false },
  delete: { label: 'Delete', run: (w) => w?.webContents.delete() },
  selectall: { label: 'Select All', accelerator: 'CommandOrControl+A', run: (w) => w?.webContents.selectAll() },
  undo: { label: 'Undo', accelerator: 'CommandOrControl+Z', run: (w) => w?.webContents.undo() },
  redo: { label: 'Redo', accelerator: 'Shift+CommandOrControl+Z', run: (w) => w?.webContents.redo() },
  quit: { label: () => (isMac ? `Quit ${app.name}` : 'Quit'), accelerator: 'CommandOrControl+Q', run: () => app.quit() },
  hide: { label: () => `Hide ${app.name}`, accelerator: 'Command+H', run: () => app.hide() },
  hideothers: { label: 'Hide Others', accelerator: 'Command+Alt+H', run: () => {} },
  unhide: { label: 'Show All', run: () => app.show() },
  services: { label: 'Services' },
  minimize: { label: 'Minimize', accelerator: 'CommandOrControl+M', run: (w) => w?.minimizable && w.minimize() },
  zoom: { label: 'Zoom', run: (w) => (w?.isMaximized() ? w.unmaximize() : w?.maximize()) },
  front: { label: 'Bring All to Front', run: () => {} },
  reload: { label: 'Reload', accelerator: 'CmdOrCtrl+R', run: (w) => w?.reload() },
  forcereload: { label: 'Force Reload', accelerator: 'Shift+CmdOrCtrl+R', run: (w) => w?.reload() },
  toggledevtools: { label: 'Toggle Developer Tools', accelerator: isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I', run: (w) => w?.webContents.toggleDevTools() },
  togglefullscreen: { label: 'Toggle Full Screen', accelerator: isMac ? 'Control+Command+F' : 'F11', run: (w) => w?.setFullScreen(!w.isFullScreen()) },
  resetzoom: { label: 'Actual Size', accelerator: 'CommandOrControl+0', run: () => {} },
  zoomin: { label: 'Zoom In', accelerator: 'CommandOrControl+Plus', run: () => {} },
  zoomout: { label: 'Zoom Out', accelerator: 'CommandOrControl+-', run: () => {} },
  help: { label: 'Help' },
  window: { label: 'Window' },
  appmenu: { label: () => app.name, submenu: () => [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
  filemenu: { label: 'File', submenu: () => [isMac ? { role: 'close' } : { role: 'quit' }] },
  editmenu: {
    label: 'Edit',
    submenu: () => [
      { role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
      ...(isMac
        ? [{ role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }]
        : [{ role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }]),
    ],
  },
  viewmenu: { label: 'View', submenu: () => [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
  windowmenu: { label: 'Window', submenu: () => [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac ? [{ type: 'separator' }, { role: 'front' }] : [{ role: 'close' }])] },
};
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
      this._click(this, focusedWindow ?? undefined, { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, triggeredByAccelerator: false, ...event });
    void focusedWebContents;
  }
}

export class Menu {
  static _application = null;

  static buildFromTemplate(template) {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    if (!template.every((t) => t && typeof t === 'object' && ('label' in t || 'role' in t || t.type === 'separator')))
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new Menu();
    for (const options of template) menu.append(options instanceof MenuItem ? options : new MenuItem(options));
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
  popup() {}
  closePopup() {}

  /** The item at a label path (['File', 'Export…']); throws with the labels there when it is missing. */
  _find(path) {
    let menu = this;
    let item = null;
    for (const label of path) {
      if (!menu) throw new Error(`"${item?.label}" has no submenu`);
      item = menu.items.find((i) => i.label === label && i.type !== 'separator') ?? null;
      if (!item) throw new Error(`No menu item "${label}"; there are: ${menu.items.filter((i) => i.label).map((i) => i.label).join(', ')}`);
      menu = item.submenu;
    }
    return item;
  }

  /** The menu as plain data, for tests. */
  _describe() {
    return this.items.map((i) => ({
      label: i.label, type: i.type, role: i.role, enabled: i.enabled, visible: i.visible, checked: i.checked,
      accelerator: i.accelerator, sublabel: i.sublabel, toolTip: i.toolTip,
      ...(i.submenu ? { submenu: i.submenu._describe() } : {}),
    }));
  }
}

/** Clicks the item at `path` as a user would (disabled or hidden items cannot be clicked). */
export function clickMenuItem(menu, path, event = {}) {
  if (!menu) throw new Error('There is no such menu');
  const item = menu._find(path);
  if (!item.enabled || !item.visible) throw new Error(`"${path.join(' › ')}" is ${item.enabled ? 'hidden' : 'disabled'}`);
  if (item.type === 'submenu' || item.type === 'separator') throw new Error(`"${path.join(' › ')}" is a ${item.type}`);
  item.click(event);
}

function parseAccelerator(accelerator) {
  const parts = accelerator.split('+').map((p) => p.trim().toLowerCase()).filter(Boolean);
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

const CODE_KEYS = { Comma: ',', Period: '.', Slash: '/', Semicolon: ';', Quote: "'", BracketLeft: '[', BracketRight: ']', Backslash: '\\', Minus: '-', Equal: '=', Backquote: '`', Space: 'space', Enter: 'enter', Tab: 'tab', Backspace: 'backspace', Delete: 'delete', Escape: 'esc', ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
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
    return (ALIASES[w.key] ?? w.key) === pressed && w.meta === key.meta && w.ctrl === key.ctrl && w.alt === key.alt && w.shift === key.shift;
  };
  const search = (menu) => {
    for (const item of menu?.items ?? []) {
      if (!item.visible) continue;
      if (item.submenu) {
        const found = search(item.submenu);
        if (found) return found;
      } else if (item.enabled && item.accelerator && item.registerAccelerator && matches(item.accelerator)) return item;
    }
    return null;
  };
  const item = search(Menu._application);
  if (item) item.click({ triggeredByAccelerator: true, metaKey: key.meta, ctrlKey: key.ctrl, altKey: key.alt, shiftKey: key.shift }, window, window.webContents);
}
