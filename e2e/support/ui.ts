import type { Locator, Page } from '@playwright/test';

/** Locators by role and accessible name, as a screen reader user would find things. */
export const machineTable = (page: Page) => page.getByRole('grid', { name: 'Machines' });
export const row = (page: Page, name: string) => machineTable(page).getByRole('row', { name, exact: true });
export const details = (page: Page, name: string) =>
  page.getByRole('complementary', { name: `Details of ${name}` });
export const actions = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: `Actions for ${name}` });
export const button = (scope: Page | ReturnType<Page['getByRole']>, name: string) =>
  scope.getByRole('button', { name, exact: true });

export interface SimMachine {
  name: string;
  state: string;
}

const POWER = ['Start', 'Stop', 'Restart'];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One of a machine's actions in its inspector: Start, Stop and Restart are buttons; the rest are items of the
 * "…" menu (opened here when it is not open yet), with or without their "…".
 */
export async function machineAction(page: Page, name: string, label: string): Promise<Locator> {
  // The Activity popover hangs over the inspector's corner: put it away first, as a person would.
  const activity = page.getByRole('region', { name: 'Activity' });
  if (await activity.isVisible()) await button(activity, 'Close Activity').click();
  if (POWER.includes(label)) return button(actions(page, name), label);
  const menu = page.getByRole('menu', { name: `More actions for ${name}` });
  // A menu closes when the window loses focus (an address handed to another app does that): open it again.
  for (let tries = 0; tries < 3 && !(await menu.isVisible()); tries++) {
    await button(actions(page, name), 'More Actions').click();
    await menu.waitFor({ timeout: 2_000 }).catch(() => {});
  }
  return menu.getByRole('menuitem', { name: new RegExp(`^${escapeRegExp(label)}…?$`) });
}

/** Opens the toolbar's Activity popover unless it is open (jobs show in their rows; Activity is on request). */
export async function openActivity(page: Page): Promise<void> {
  if (!(await page.getByRole('region', { name: 'Activity' }).isVisible()))
    await button(page, 'Activity').click();
}
