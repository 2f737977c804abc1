import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useOrbctl } from '../../state/orbctl';
import { useUi } from '../../state/ui';
import { job, machine, resetStores, stubApi } from '../../../test/renderer/support';
import { CreateDialog } from '../create/CreateDialog';
import { DeleteDialog } from './DeleteDialog';
import { RenameDialog } from './RenameDialog';

beforeEach(() => resetStores([machine('ubuntu'), machine('debian', 'stopped')]));

const caps = (ok: boolean) => ({
  version: ok ? '2.2.0' : '1.9.5',
  clone: ok,
  export: ok,
  import: ok,
  isolated: ok,
  resourceLimits: ok,
});
const status = (ok: boolean) => ({
  path: '/x/orbctl',
  source: 'search' as const,
  pinnedByEnv: null,
  version: caps(ok).version,
  capabilities: caps(ok),
  error: null,
});

describe('CreateDialog', () => {
  it('proposes a free name and sends the request the form describes', async () => {
    const { invoke } = stubApi({ 'machine:create': () => job('ubuntu-2', 'queued', 'create') });
    useOrbctl.setState({ status: status(true) });
    useUi.getState().open({ kind: 'create' });
    render(<CreateDialog />);
    expect(screen.getByLabelText('Name')).toHaveValue('ubuntu-2');
    await userEvent.selectOptions(screen.getByLabelText('Version'), 'jammy');
    await userEvent.selectOptions(screen.getByLabelText('Architecture'), 'amd64');
    await userEvent.type(screen.getByLabelText('Default user'), 'dev');
    await userEvent.click(screen.getByLabelText(/Isolated/));
    await userEvent.type(screen.getByLabelText('Memory'), '4g');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(invoke).toHaveBeenCalledWith('machine:create', {
      distro: 'ubuntu',
      version: 'jammy',
      arch: 'amd64',
      name: 'ubuntu-2',
      user: 'dev',
      isolated: true,
      memory: '4G',
    });
    expect(useUi.getState().dialog).toBeNull();
  });

  it('says what Latest resolves to, with the version number people know', async () => {
    stubApi();
    render(<CreateDialog />);
    await userEvent.selectOptions(screen.getByLabelText('Distribution'), 'ubuntu');
    expect(screen.getByRole('option', { name: 'Latest: plucky (25.04)' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Distribution'), 'fedora');
    expect(screen.getByRole('option', { name: 'Latest: 42' })).toBeInTheDocument();
  });

  it('follows the distro with the name until the user types one, and knows cloud-init support', async () => {
    stubApi();
    render(<CreateDialog />);
    await userEvent.selectOptions(screen.getByLabelText('Distribution'), 'arch');
    expect(screen.getByLabelText('Name')).toHaveValue('arch');
    expect(screen.getByLabelText('cloud-init user data')).toBeDisabled();
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'box');
    await userEvent.selectOptions(screen.getByLabelText('Distribution'), 'fedora');
    expect(screen.getByLabelText('Name')).toHaveValue('box');
  });

  it('edits cloud-init: loads a file, shows the check’s problems by line, and sends the text', async () => {
    const { invoke } = stubApi({
      'userdata:check': ({ text }: { text: string }) => ({
        problems: text.includes('\t')
          ? [{ line: 3, message: 'Tabs are not allowed as indentation', severity: 'error' }]
          : text.includes('packges')
            ? [{ line: 2, message: 'did you mean “packages:”?', severity: 'warning' }]
            : [],
      }),
      'machine:create': () => job('ubuntu-2', 'queued', 'create'),
    });
    useOrbctl.setState({ status: status(true) });
    render(<CreateDialog />);
    const editor = screen.getByLabelText('cloud-init user data');
    await userEvent.upload(
      screen.getByLabelText('cloud-init file'),
      new File(['#cloud-config\nruncmd:\n\t- echo hi\n'], 'user-data.yaml', { type: 'text/yaml' }),
    );
    await expect.poll(() => (editor as HTMLTextAreaElement).value).toContain('\t- echo hi');
    expect(await screen.findByText('Line 3: Tabs are not allowed as indentation')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();

    await userEvent.clear(editor);
    await userEvent.type(editor, '#cloud-config{enter}packges:{enter}  - git');
    expect(await screen.findByText('Line 2: did you mean “packages:”?')).toBeInTheDocument();
    // A warning is said and let through.
    await expect.poll(() => screen.getByRole('button', { name: 'Create' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(invoke).toHaveBeenCalledWith(
      'machine:create',
      expect.objectContaining({ cloudInit: '#cloud-config\npackges:\n  - git' }),
    );
  });

  it('hides options the installed orbctl does not have and blocks a bad name', async () => {
    stubApi();
    useOrbctl.setState({ status: status(false) });
    render(<CreateDialog />);
    expect(screen.queryByLabelText(/Isolated/)).toBeNull();
    expect(screen.queryByLabelText('Memory')).toBeNull();
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'debian');
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('keeps the dialog open and shows the error when the core refuses', async () => {
    stubApi({
      'machine:create': () => {
        throw Object.assign(new Error('x'), {});
      },
    });
    render(<CreateDialog />);
    useUi.getState().open({ kind: 'create' });
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('x')).toBeInTheDocument();
    expect(useUi.getState().dialog).toEqual({ kind: 'create' });
  });
});

describe('DeleteDialog', () => {
  it('names the machine, focuses Cancel, and deletes only on the explicit button', async () => {
    const { invoke } = stubApi({ 'machine:delete': () => job('ubuntu', 'queued', 'delete') });
    render(<DeleteDialog machine="ubuntu" />);
    expect(screen.getByRole('heading')).toHaveTextContent('Delete “ubuntu”?');
    expect(screen.getByText('It is running and will be stopped first.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(invoke).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Delete ubuntu' }));
    expect(invoke).toHaveBeenCalledWith('machine:delete', { name: 'ubuntu' });
  });
});

describe('RenameDialog', () => {
  it('needs a new, free, valid name', async () => {
    const { invoke } = stubApi({ 'machine:rename': () => job('ubuntu', 'queued', 'rename') });
    render(<RenameDialog machine="ubuntu" />);
    const submit = screen.getByRole('button', { name: 'Rename' });
    expect(submit).toBeDisabled();
    const input = screen.getByLabelText('New name');
    await userEvent.clear(input);
    await userEvent.type(input, 'debian');
    expect(submit).toBeDisabled();
    await userEvent.type(input, '-2');
    await userEvent.click(submit);
    expect(invoke).toHaveBeenCalledWith('machine:rename', { name: 'ubuntu', newName: 'debian-2' });
  });
});
