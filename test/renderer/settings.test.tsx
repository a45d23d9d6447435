// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

describe('Settings → Environment', () => {
  it('switches the environment with its own button and keeps the dialog open', async () => {
    const { fake, user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const settings = await screen.findByRole('dialog', { name: 'Settings' });
    // Nothing to apply until another environment is chosen; the footer only closes (Done).
    expect(within(settings).queryByRole('button', { name: /^Use / })).not.toBeInTheDocument();
    expect(within(settings).queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();

    const target = fake.environmentId === 'sandbox' ? 'atlassian-cloud' : 'sandbox';
    const label = target === 'sandbox' ? /Sandbox/ : /Atlassian Cloud/;
    await user.click(within(settings).getByRole('radio', { name: label }));
    await user.click(within(settings).getByRole('button', { name: target === 'sandbox' ? 'Use Sandbox (local Atlassian)' : 'Use Atlassian Cloud' }));
    await waitFor(() => expect(fake.environmentId).toBe(target));
    expect(within(settings).queryByRole('button', { name: /^Use / })).not.toBeInTheDocument();
    expect(within(settings).getByRole('radio', { name: label })).toBeChecked();

    // Keep current puts the choice back without calling main.
    const other = target === 'sandbox' ? /Atlassian Cloud/ : /Sandbox/;
    await user.click(within(settings).getByRole('radio', { name: other }));
    await user.click(within(settings).getByRole('button', { name: 'Keep current' }));
    expect(within(settings).getByRole('radio', { name: label })).toBeChecked();
    expect(fake.environmentId).toBe(target);

    await user.click(within(settings).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument());
  });
});
