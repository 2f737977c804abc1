import { expect, test } from './support/fixtures';
import { button, row } from './support/ui';

// Cloud-init from the New Machine form, and the machine "Setting up" until it has finished.
test.use({ hostOptions: { env: { ORBCTL_SIM_CLOUD_INIT_MS: '5000' } } });

test('checks cloud-init as it is typed, shows Setting up, then a failed run with its errors and log', async ({
  page,
}) => {
  await button(page, 'New Machine').click();
  const form = page.getByRole('dialog', { name: 'New Machine' });
  await form.getByLabel('Name').fill('web');
  const editor = form.getByRole('textbox', { name: 'cloud-init user data' });
  await editor.fill('#cloud-config\nruncmd:\n\t- echo hi\n');
  await expect(form.getByRole('list', { name: /Problems with the cloud-init/ })).toHaveText(
    'Line 3: Tabs are not allowed as indentation',
  );
  await expect(button(form, 'Create')).toBeDisabled();
  await editor.fill('#cloud-config\nruncmd:\n  - echo hi\n  - [exit 3]\n');
  await expect(form.getByRole('list', { name: /Problems with the cloud-init/ })).toBeHidden();
  await button(form, 'Create').click();

  await expect(row(page, 'web').getByText('Setting up')).toBeVisible({ timeout: 30_000 });
  await row(page, 'web').click();
  const details = page.getByRole('complementary', { name: 'Details of web' });
  await expect(details.getByRole('status', { name: 'Setting up' })).toBeVisible();

  const failed = details.getByRole('alert', { name: 'cloud-init failed' });
  await expect(failed).toContainText('runcmd', { timeout: 30_000 });
  await expect(row(page, 'web').getByLabel('cloud-init failed')).toBeVisible();
  await expect(row(page, 'web').getByText('Running')).toBeVisible();
  await button(failed, 'Show Log').click();
  const log = page.getByRole('dialog', { name: 'cloud-init Log of web' });
  await expect(log.getByLabel('cloud-init log')).toContainText(
    'Failed running /var/lib/cloud/instance/scripts/runcmd [3]',
  );
  await button(log, 'Done').click();
  await button(failed, 'Dismiss').click();
  await expect(failed).toBeHidden();
  await expect(row(page, 'web').getByLabel('cloud-init failed')).toBeHidden();
});
