import { act, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { UserEvent } from '@testing-library/user-event';
import type { FakeBridge } from './fake-bridge';

/** The Add connection dialog, also in reconnect mode ("Reconnect {name}"). */
export const dialog = () => screen.getByRole('dialog', { name: /^(Add connection|Reconnect .+)$/ });

export function currentStep(): string | null | undefined {
  const stepper = within(dialog()).getByRole('list', { name: 'Steps' });
  return stepper.querySelector('[aria-current="step"]')?.textContent;
}

/** Opens Add connection and picks Confluence Cloud by typing and pressing Enter. */
export async function openSettings(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Add connection' }));
  const search = await within(dialog()).findByRole('textbox', { name: 'Search connectors' });
  await user.type(search, 'wiki{Enter}');
  await within(dialog()).findByRole('textbox', { name: 'Connection name' });
}

/** Runs pending fake IPC events inside act. */
export async function flush(ms = 5) {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

export async function finishSignIn(fake: FakeBridge) {
  await flush();
  await act(async () => {
    fake.completeSignIn();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
}

/** Waits until a button that arms after a moment (Accept, Cancel sign-in) takes clicks. */
export async function whenArmed(button: HTMLElement): Promise<HTMLElement> {
  await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'), { timeout: 3000 });
  return button;
}

/** Accept on the Permissions step, once it is armed. */
export async function acceptPermissions(user: UserEvent) {
  const accept = within(dialog()).getByRole('button', { name: 'Accept' });
  await user.click(await whenArmed(accept));
}

/** Cancel sign-in on the Sign in step, once it is armed. */
export async function cancelSignIn(user: UserEvent) {
  const cancel = within(dialog()).getByRole('button', { name: 'Cancel sign-in' });
  await user.click(await whenArmed(cancel));
}
