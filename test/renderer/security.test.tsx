// @vitest-environment happy-dom
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

const PASSPHRASE = 'correct horse battery staple';

async function openSecurity(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  const settings = await screen.findByRole('dialog', { name: 'Settings' });
  return within(settings).findByRole('region', { name: 'Security' });
}

describe('Settings → Security', () => {
  it('says how secrets are protected and sets a recovery passphrase after checking it twice', async () => {
    const { fake, user } = renderApp();
    const section = await openSecurity(user);
    // The development key is a warning, not a calm sentence.
    expect(within(section).getByRole('status')).toHaveTextContent('Development key (insecure, tests only)');
    expect(within(section).getByText('Not set')).toBeInTheDocument();
    expect(within(section).getByText(/Without it, a lost keychain or a new computer means reconnecting every connection/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Set recovery passphrase…' }));
    const d = await screen.findByRole('dialog', { name: 'Set a recovery passphrase' });
    const first = within(d).getByLabelText('Recovery passphrase');
    expect(first).toHaveAccessibleDescription(/At least 12 characters/);
    expect(first).toHaveAttribute('type', 'password');
    expect(first).toHaveFocus();

    await user.type(first, 'too short');
    await user.click(within(d).getByRole('button', { name: 'Set passphrase' }));
    expect(within(d).getByText('Use at least 12 characters (now 9)')).toBeInTheDocument();
    await user.clear(first);
    await user.type(first, PASSPHRASE);
    await user.type(within(d).getByLabelText('Type it again'), `${PASSPHRASE}!`);
    await user.click(within(d).getByRole('button', { name: 'Set passphrase' }));
    expect(within(d).getByText('The two passphrases are not the same')).toBeInTheDocument();
    expect(fake.callsTo('security:set-recovery-passphrase')).toEqual([]);

    // Main takes a moment (scrypt): the button says it is busy meanwhile.
    let release = () => undefined as void;
    fake.security.pending = new Promise((resolve) => (release = resolve));
    await user.clear(within(d).getByLabelText('Type it again'));
    await user.type(within(d).getByLabelText('Type it again'), PASSPHRASE);
    await user.click(within(d).getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(within(d).getByRole('button', { name: 'Set passphrase' })).toHaveAttribute('aria-busy', 'true'));
    release();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Set a recovery passphrase' })).not.toBeInTheDocument());

    expect(fake.callsTo('security:set-recovery-passphrase')).toEqual([{ passphrase: PASSPHRASE }]);
    expect(await within(section).findByText('Recovery passphrase set. Keep it somewhere safe.')).toBeInTheDocument();
    expect(within(section).getByText(/^Set on /)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Set recovery passphrase…' })).not.toBeInTheDocument();
  });

  it('changes and removes the recovery passphrase, explaining what removing costs', async () => {
    const { fake, user } = renderApp();
    await fake.security.setRecoveryPassphrase({ passphrase: PASSPHRASE });
    const section = await openSecurity(user);

    await user.click(await within(section).findByRole('button', { name: 'Change…' }));
    let d = await screen.findByRole('dialog', { name: 'Change the recovery passphrase' });
    expect(within(d).getByText(/The old passphrase stops working/)).toBeInTheDocument();
    await user.type(within(d).getByLabelText('Recovery passphrase'), 'a brand new passphrase');
    await user.type(within(d).getByLabelText('Type it again'), 'a brand new passphrase');
    await user.keyboard('{Enter}');
    expect(await within(section).findByText(/Recovery passphrase changed/)).toBeInTheDocument();
    expect(fake.security.passphrase).toBe('a brand new passphrase');

    await user.click(within(section).getByRole('button', { name: 'Remove…' }));
    d = await screen.findByRole('dialog', { name: 'Remove the recovery passphrase?' });
    expect(within(d).getByText(/every connection will have to be reconnected/)).toBeInTheDocument();
    // Destructive: focus starts on Cancel.
    expect(within(d).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(d).getByRole('button', { name: 'Remove passphrase' }));
    expect(await within(section).findByText('Recovery passphrase removed.')).toBeInTheDocument();
    expect(within(section).getByText('Not set')).toBeInTheDocument();
    expect(fake.callsTo('security:remove-recovery-passphrase')).toHaveLength(1);
  });

  it('session only: explains, and offers no recovery passphrase', async () => {
    const { fake, user } = renderApp();
    fake.security.status = { ...fake.security.status, mode: 'session-only', description: 'Kept for this session only.' };
    const section = await openSecurity(user);
    expect(await within(section).findByRole('status')).toHaveTextContent('Kept for this session only.');
    expect(within(section).getByText(/Not available while secrets are kept for this session only/)).toBeInTheDocument();
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });

  it('the OS keychain is described calmly, without a warning', async () => {
    const { fake, user } = renderApp();
    fake.security.status = { ...fake.security.status, mode: 'keychain', description: 'Protected by the macOS Keychain of your user account.' };
    const section = await openSecurity(user);
    expect(await within(section).findByText('Protected by the macOS Keychain of your user account.')).toBeInTheDocument();
    expect(within(section).queryByRole('status')).not.toBeInTheDocument();
  });
});

describe('unlock screen', () => {
  it('stands in for the workspace while locked; wrong passphrase stays inline; the right one loads the workspace', async () => {
    const { fake, user } = renderApp({ lockedWithPassphrase: PASSPHRASE });
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock your secrets' })).toBeInTheDocument();
    expect(screen.getByText(/could not be opened with the OS keychain on this computer/)).toBeInTheDocument();
    expect(screen.getByText('Enter your recovery passphrase to open it.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(fake.callsTo('folders:list')).toEqual([]);

    const field = screen.getByLabelText('Recovery passphrase');
    expect(field).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.getByText('Enter your recovery passphrase')).toBeInTheDocument();
    expect(fake.callsTo('security:unlock')).toEqual([]);

    await user.type(field, 'not the passphrase{Enter}');
    expect(await screen.findByText(/The recovery passphrase is not correct\./)).toBeInTheDocument();
    expect(field).toHaveValue('not the passphrase');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();

    await user.clear(field);
    await user.type(field, `${PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Shared' })).toBeInTheDocument();
    expect(fake.callsTo('security:unlock')).toEqual([{ passphrase: 'not the passphrase' }, { passphrase: PASSPHRASE }]);
    expect(fake.callsTo('folders:list').length).toBeGreaterThan(0);
  });

  it('without a recovery passphrase says plainly that the store cannot be opened here, and what to do', async () => {
    renderApp({ lockedWithPassphrase: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your secrets cannot be opened here' })).toBeInTheDocument();
    expect(screen.getByText(/No recovery passphrase was set for this store, so it cannot be opened here\. Open ConnectDesk on the computer that created it/)).toBeInTheDocument();
    expect(screen.getByText(/Your connections and settings are still in the store/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Recovery passphrase')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unlock' })).not.toBeInTheDocument();
  });
});
