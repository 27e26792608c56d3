import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Counter workstations get no menu: nothing to reload the page away from a half-finished application.
 * macOS keeps the app and edit menus because copy and paste shortcuts live there; unpackaged runs add
 * reload and DevTools for developers.
 */
export function installMenu(platform: NodeJS.Platform, dev: boolean): void {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' }, { role: 'editMenu' });
  if (dev) template.push({ label: 'Developer', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  Menu.setApplicationMenu(template.length > 0 ? Menu.buildFromTemplate(template) : null);
}
