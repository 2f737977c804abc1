import { expect, test } from './support/fixtures';

test('shows the simulator machines and starts one with a click', async ({ page, host }) => {
  const machines = page.getByRole('table', { name: 'Machines' });
  await expect(machines.getByRole('row')).not.toHaveCount(1);
  const list = JSON.parse(host.sim('list', '-f', 'json').stdout) as Array<{ name: string; state: string }>;
  expect(list.length).toBeGreaterThan(2);
  for (const m of list) await expect(machines.getByRole('row', { name: m.name })).toBeVisible();

  const stopped = list.find((m) => m.state === 'stopped')!;
  const row = machines.getByRole('row', { name: stopped.name });
  await expect(row.getByText('Stopped')).toBeVisible();
  await row.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(row.getByText('Running')).toBeVisible();
  const after = JSON.parse(host.sim('info', stopped.name, '-f', 'json').stdout) as {
    record: { state: string };
  };
  expect(after.record.state).toBe('running');
});

test('follows a change made outside the app', async ({ page, host }) => {
  const list = JSON.parse(host.sim('list', '-f', 'json').stdout) as Array<{ name: string; state: string }>;
  const running = list.find((m) => m.state === 'running')!;
  const row = page.getByRole('row', { name: running.name });
  await expect(row.getByText('Running')).toBeVisible();
  expect(host.sim('stop', running.name).status).toBe(0);
  await expect(row.getByText('Stopped')).toBeVisible();
});
