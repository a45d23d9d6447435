import { act, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { FakeBridge } from './fake-bridge';

export const dialog = () => screen.getByRole('dialog', { name: 'Add connection' });

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
