import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/contract';
import { buildAppMenu, type AppMenuItem } from '../../shared/app-menu';
import { isAppLink } from './external-urls';

/** Installs the application menu; OrbDeck's own items reach the window as app commands. */
export function installAppMenu(onCommand: (command: AppCommand) => void): void {
  const toElectron = (items: AppMenuItem[]): MenuItemConstructorOptions[] =>
    items.map((item) => {
      const options: MenuItemConstructorOptions = {};
      if (item.label) options.label = item.label;
      if (item.role) options.role = item.role as MenuItemConstructorOptions['role'];
      if (item.type) options.type = item.type;
      if (item.accelerator) options.accelerator = item.accelerator;
      if (item.submenu) options.submenu = toElectron(item.submenu);
      if (item.command) {
        const command = item.command;
        options.click = () => onCommand(command);
      }
      if (item.url) {
        const url = item.url;
        options.click = () => {
          if (isAppLink(url)) void shell.openExternal(url);
        };
      }
      return options;
    });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(toElectron(buildAppMenu('OrbDeck', process.platform === 'darwin'))),
  );
}
