import { useEffect, useRef } from 'react';
import { subscribe } from '../../api/client';
import { Modal } from '../../components/modal';
import { rowMenuButton } from '../connections/connection-actions-store';
import { useConnectionsStore } from '../connections/connections-store';
import { useAddConnectionStore, type AddStep } from './add-connection-store';
import { ConnectorStep } from './connector-step';
import { DoneStep } from './done-step';
import { PermissionsStep } from './permissions-step';
import { SettingsStep } from './settings-step';
import { SignInStep } from './sign-in-step';
import { SiteStep } from './site-step';
import { Stepper } from './stepper';

const descriptions: Record<AddStep, string> = {
  connector: 'Choose the service to connect.',
  settings: 'Name the connection, choose how to sign in and which permissions to ask for.',
  permissions: 'Review what ConnectDesk will be allowed to do.',
  'sign-in': 'Sign in with Atlassian to approve the connection.',
  site: 'Choose the Confluence site for this connection.',
  done: 'The connection is ready.',
};

const reconnectDescription = 'Sign in again. The connection keeps its ID, folder and name; you can change the permissions it asks for.';

/**
 * Add connection, a stepped dialog: Connector → Settings → Permissions → Sign in → Site → Done.
 * Esc, the close button and every Cancel close it; a running sign-in is cancelled in main too.
 * Reconnect opens it at Settings for an existing connection ("Reconnect {name}").
 */
export function AddConnectionDialog() {
  const isOpen = useAddConnectionStore((s) => s.isOpen);
  const step = useAddConnectionStore((s) => s.step);
  const close = useAddConnectionStore((s) => s.close);
  const onProgress = useAddConnectionStore((s) => s.onProgress);
  const reconnect = useAddConnectionStore((s) => s.reconnect);
  // Kept through the closing animation, when the store has already reset.
  const reconnectId = useRef<string | null>(null);
  if (isOpen) reconnectId.current = reconnect?.id ?? null;

  useEffect(() => (isOpen ? subscribe('auth:progress', onProgress) : undefined), [isOpen, onProgress]);

  const finish = () => {
    const created = useAddConnectionStore.getState().connection;
    close();
    const connections = useConnectionsStore.getState();
    if (created && connections.folderId === created.folderId) void connections.load(created.folderId);
  };

  return (
    <Modal
      open={isOpen}
      onOpenChange={(open) => (open ? undefined : close())}
      title={reconnect ? `Reconnect ${reconnect.name}` : 'Add connection'}
      description={reconnect && step === 'settings' ? reconnectDescription : descriptions[step]}
      size="lg"
      returnFocus={() =>
        (reconnectId.current ? rowMenuButton(reconnectId.current) : null) ?? document.querySelector<HTMLElement>('[data-add-connection]')
      }
    >
      <Stepper current={step} />
      {step === 'connector' ? <ConnectorStep onCancel={close} /> : null}
      {step === 'settings' ? <SettingsStep onCancel={close} /> : null}
      {step === 'permissions' ? <PermissionsStep onCancel={close} /> : null}
      {step === 'sign-in' ? <SignInStep /> : null}
      {step === 'site' ? <SiteStep /> : null}
      {step === 'done' ? <DoneStep onDone={finish} /> : null}
    </Modal>
  );
}
