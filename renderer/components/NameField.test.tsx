import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NameField } from './NameField';

function Harness({ taken = [] as string[] }) {
  const [value, setValue] = useState('');
  return <NameField label="Name" value={value} onChange={setValue} taken={taken} />;
}

describe('NameField', () => {
  it('explains a bad name as you type and clears when it is fine', async () => {
    render(<Harness taken={['ubuntu']} />);
    const input = screen.getByLabelText('Name');
    await userEvent.type(input, 'my_vm');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/no spaces, underscores/)).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, 'ubuntu');
    expect(screen.getByText('A machine named “ubuntu” already exists.')).toBeInTheDocument();
    await userEvent.type(input, '-2');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('refuses reserved words and a leading dash', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Name');
    await userEvent.type(input, 'docker');
    expect(screen.getByText('"docker" is reserved by OrbStack.')).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, '-rf');
    expect(screen.getByText('A name must start with a letter or a digit.')).toBeInTheDocument();
  });
});
