import type { Page } from '@playwright/test';

/** Locators by role and accessible name, as a screen reader user would find things. */
export const machineTable = (page: Page) => page.getByRole('table', { name: 'Machines' });
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
