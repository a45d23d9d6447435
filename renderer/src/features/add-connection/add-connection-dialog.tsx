import { useEffect } from 'react';
import { subscribe } from '../../api/client';
import { Modal } from '../../components/modal';
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

/**
 * Add connection, a stepped dialog: Connector → Settings → Permissions → Sign in → Site → Done.
 * Esc, the close button and every Cancel close it; a running sign-in is cancelled in main too.
 */
export function AddConnectionDialog() {
  const isOpen = useAddConnectionStore((s) => s.isOpen);
  const step = useAddConnectionStore((s) => s.step);
  const close = useAddConnectionStore((s) => s.close);
  const onProgress = useAddConnectionStore((s) => s.onProgress);

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
      title="Add connection"
      description={descriptions[step]}
      size="lg"
      returnFocus={() => document.querySelector<HTMLElement>('[data-add-connection]')}
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
