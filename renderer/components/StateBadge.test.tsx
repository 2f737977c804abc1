import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StateBadge } from './StateBadge';

describe('StateBadge', () => {
  it.each([
    ['running', 'Running', 'state-running', false],
    ['stopped', 'Stopped', 'state-stopped', false],
    ['starting', 'Starting', 'state-starting', true],
    ['provisioning', 'Provisioning', 'state-provisioning', true],
  ])('%s reads "%s" with its own look', (state, label, className, transitional) => {
    const { container } = render(<StateBadge state={state} />);
    expect(screen.getByText(label)).toBeInTheDocument();
    const badge = container.firstElementChild!;
    expect(badge).toHaveClass(className);
    expect(badge.classList.contains('transitional')).toBe(transitional);
  });

  it('shows an unknown state as-is', () => {
    const { container } = render(<StateBadge state="hibernating" />);
    expect(screen.getByText('hibernating')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveClass('state-unknown');
  });
});
