import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useUi } from '../../state/ui';
import { machine, resetStores, stubApi } from '../../../test/renderer/support';
import { DIALOGS, DialogHost, type DialogRenderers } from './DialogHost';

beforeEach(() => resetStores([machine('ubuntu'), machine('debian', 'stopped')]));

describe('DialogHost', () => {
  it('shows the sheet of the open kind, with what it was opened on, and nothing when none is open', () => {
    stubApi({ 'run:history': () => [] });
    const { container } = render(<DialogHost />);
    expect(container).toBeEmptyDOMElement();
    act(() => useUi.getState().open({ kind: 'rename', machine: 'ubuntu' }));
    expect(screen.getByRole('dialog', { name: 'Rename “ubuntu”' })).toBeInTheDocument();
  });

  it('the compiler holds the table whole: a kind without its sheet, or a sheet given another kind, fails tsc -b', () => {
    // @ts-expect-error a dialog kind left out of the table
    const missing: DialogRenderers = { ...DIALOGS, rename: undefined };
    // @ts-expect-error a sheet that reads a field its kind does not have
    const wrong: DialogRenderers = { ...DIALOGS, settings: (d) => <p>{d.machine}</p> };
    expect([missing, wrong]).toHaveLength(2);
  });
});
