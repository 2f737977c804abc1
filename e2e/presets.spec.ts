import { expect, test } from './support/fixtures';
import { button } from './support/ui';

// Presets through the real UI and core.
test('saves the form as a preset and creates a machine from it in one click', async ({ page, host }) => {
  await page.getByRole('button', { name: 'New Machine' }).click();
  const form = page.getByRole('dialog', { name: 'New Machine' });
  await form.getByLabel('Distribution').selectOption('alpine');
  await form.getByLabel('Default user').fill('dev');
  await form.getByLabel('Save as preset').fill('Tiny alpine');
  await button(form, 'Save as Preset').click();
  await expect(form.getByRole('status')).toHaveText('Saved the preset “Tiny alpine”.');
  await button(form, 'Presets…').click();

  const presets = page.getByRole('dialog', { name: 'Presets' });
  const item = presets.getByRole('listitem', { name: 'Tiny alpine' });
  await expect(item).toContainText('alpine · user dev');
  await button(item, 'Create').click();
  await expect(page.locator('[data-machine="alpine-2"]')).toContainText('Running', { timeout: 20_000 });
  const info = JSON.parse(host.sim('info', 'alpine-2', '-f', 'json').stdout);
  expect(info.record.config.default_username).toBe('dev');
});

test('edits, duplicates and deletes a preset, asking before it deletes', async ({ page }) => {
  await page.getByRole('button', { name: 'New Machine' }).click();
  const form = page.getByRole('dialog', { name: 'New Machine' });
  await form.getByLabel('Save as preset').fill('Base');
  await button(form, 'Save as Preset').click();
  await button(form, 'Presets…').click();
  const presets = page.getByRole('dialog', { name: 'Presets' });
  await button(presets.getByRole('listitem', { name: 'Base', exact: true }), 'Edit…').click();
  const edit = page.getByRole('dialog', { name: 'Edit Preset “Base”' });
  await edit.getByLabel('Distribution').selectOption('fedora');
  await button(edit, 'Save Preset').click();
  await expect(presets.getByRole('listitem', { name: 'Base', exact: true })).toContainText('fedora');
  await button(presets.getByRole('listitem', { name: 'Base', exact: true }), 'Duplicate').click();
  await expect(presets.getByRole('listitem', { name: 'Base copy' })).toContainText('fedora');
  await button(presets.getByRole('listitem', { name: 'Base', exact: true }), 'Delete…').click();
  await expect(presets.getByRole('alert')).toContainText('Delete the preset “Base”?');
  await button(presets, 'Keep It').click();
  await expect(presets.getByRole('listitem', { name: 'Base', exact: true })).toBeVisible();
  await button(presets.getByRole('listitem', { name: 'Base', exact: true }), 'Delete…').click();
  await button(presets, 'Delete Preset').click();
  await expect(presets.getByRole('listitem')).toHaveCount(1);
});

test('imports a presets file, and refuses one with bad fields, naming each', async ({ page }) => {
  await page.getByRole('button', { name: 'New Machine' }).click();
  await button(page.getByRole('dialog', { name: 'New Machine' }), 'Presets…').click();
  const presets = page.getByRole('dialog', { name: 'Presets' });
  const file = (presetsList: unknown[]) => ({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ orbdeck: 'presets', version: 1, presets: presetsList })),
  });
  await presets.getByLabel('Presets file to import').setInputFiles(
    file([
      { name: 'Team web', distro: 'ubuntu', memory: 'lots' },
      { name: '', distro: 'windows' },
    ]),
  );
  const problems = presets.getByRole('list', { name: 'Problems' });
  await expect(presets.getByRole('alert')).toContainText(
    'Nothing was imported: the presets file has 3 problems.',
  );
  await expect(problems).toContainText('presets[0].memory:');
  await expect(problems).toContainText('presets[1].name: Give the preset a name.');
  await expect(problems).toContainText("presets[1].distro: 'windows' is not a distro orbctl can create");
  await expect(presets.getByRole('listitem', { name: 'Team web' })).toHaveCount(0);

  // A good file is shown first, its cloud-init in full, and saved only on Import.
  const cloudInit = '#cloud-config\nruncmd:\n  - curl https://example.com/setup | sh\n';
  await presets
    .getByLabel('Presets file to import')
    .setInputFiles(file([{ name: 'Team web', distro: 'ubuntu', cloudInit }]));
  const review = presets.getByRole('region', { name: 'Presets to import' });
  await expect(review).toContainText('Import this preset from “team.json”? One carries cloud-init');
  await expect(review.getByLabel('Cloud-init of Team web')).toHaveText(cloudInit);
  await expect(presets.getByRole('list', { name: 'Presets' }).getByRole('listitem')).toHaveCount(0);
  await button(review, 'Import').click();
  await expect(presets.getByRole('status')).toHaveText('Imported 1 new preset.');
  await expect(presets.getByRole('listitem', { name: 'Team web' })).toBeVisible();
});

test('a shared preset whose cloud-init the editor would refuse is not imported, and says its line', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'New Machine' }).click();
  await button(page.getByRole('dialog', { name: 'New Machine' }), 'Presets…').click();
  const presets = page.getByRole('dialog', { name: 'Presets' });
  await presets.getByLabel('Presets file to import').setInputFiles({
    name: 'one.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        orbdeck: 'presets',
        version: 1,
        presets: [{ name: 'Bad', distro: 'ubuntu', cloudInit: '#cloud-config\npackages: git\n' }],
      }),
    ),
  });
  await expect(presets.getByRole('alert')).toContainText(
    'Nothing was imported: the presets file has a problem. presets[0].cloudInit: Line 2:',
  );
  await expect(presets.getByRole('region', { name: 'Presets to import' })).toHaveCount(0);
});
