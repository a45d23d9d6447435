import { useMemo, useRef, type FormEvent } from 'react';
import { invoke } from '../../api/client';
import { ErrorBanner, InfoNote } from '../../components/banner';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { Spinner } from '../../components/spinner';
import { buildFolderTree, flattenFolderTree, indentedName } from '../folders/folder-tree-model';
import { useFoldersStore } from '../folders/folders-store';
import { useAddConnectionStore } from './add-connection-store';
import { AuthTypeField } from './auth-type-field';
import { CallbackUrlField } from './callback-url-field';
import { ClientCredentialsFields } from './client-credentials-fields';
import { NAME_COUNTER_FROM, NAME_MAX_LENGTH } from './draft-form';
import { ReconnectIdentityFields } from './reconnect-identity-fields';
import { ScopePicker } from './scope-picker';

/** Step 2, the connection creation page. Everything typed here survives failures and Back. */
export function SettingsStep({ onCancel }: { onCancel: () => void }) {
  const context = useAddConnectionStore((s) => s.context);
  const contextError = useAddConnectionStore((s) => s.contextError);
  const connectorId = useAddConnectionStore((s) => s.connectorId);
  const form = useAddConnectionStore((s) => s.form);
  const errors = useAddConnectionStore((s) => s.fieldErrors);
  const failure = useAddConnectionStore((s) => s.failure);
  const notice = useAddConnectionStore((s) => s.notice);
  const updateForm = useAddConnectionStore((s) => s.updateForm);
  const submitSettings = useAddConnectionStore((s) => s.submitSettings);
  const selectConnector = useAddConnectionStore((s) => s.selectConnector);
  const goTo = useAddConnectionStore((s) => s.goTo);
  const reconnect = useAddConnectionStore((s) => s.reconnect);
  const folders = useFoldersStore((s) => s.folders);
  const folderOptions = useMemo(() => flattenFolderTree(buildFolderTree(folders)), [folders]);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (submitSettings()) return;
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .fieldset .checkbox');
      invalid?.focus({ preventScroll: true });
      invalid?.scrollIntoView?.({ block: 'center' });
    });
  };

  if (!context) {
    return (
      <>
        <div className="step-body">
          {contextError ? (
            <ErrorBanner
              error={contextError}
              action={connectorId ? <Button onClick={() => void selectConnector(connectorId)}>Try again</Button> : null}
            />
          ) : (
            <p className="progress-line">
              <Spinner /> Loading the connection settings…
            </p>
          )}
        </div>
        <div className="modal-footer">
          {reconnect ? null : <Button onClick={() => goTo('connector')}>Back</Button>}
          <div className="toolbar-spacer" />
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </>
    );
  }

  return (
    <form ref={formRef} className="step-form" onSubmit={submit} noValidate>
      <div className="step-body form-stack">
        {failure ? <ErrorBanner error={failure} title={reconnect ? 'The connection was not reconnected' : 'The connection was not created'} /> : null}
        {notice ? <InfoNote tone="quiet">{notice}</InfoNote> : null}
        <div className="env-line">
          <span className="env-line-label">Environment</span>
          <span className="env-line-value">{context.environment.label}</span>
        </div>
        {context.sandboxHelp ? (
          <InfoNote>
            <p>{context.sandboxHelp}</p>
            <Button size="sm" onClick={() => void invoke('sandbox:open-help', {}).catch(() => undefined)}>
              Open sandbox help
            </Button>
          </InfoNote>
        ) : null}
        {reconnect ? (
          <ReconnectIdentityFields connection={reconnect} managedAppLabel={context.managedApp.label} />
        ) : (
          <>
            <div className="field-row">
              <Field label="Folder" error={errors.folderId}>
                {(props) => (
                  <select {...props} className="input select" value={form.folderId} onChange={(e) => updateForm({ folderId: e.target.value })}>
                    {form.folderId === '' ? <option value="">Choose a folder</option> : null}
                    {folderOptions.map(({ folder, depth }) => (
                      <option key={folder.id} value={folder.id}>
                        {indentedName(folder.name, depth)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label="Connection name"
                error={errors.name}
                hint={form.name.length >= NAME_COUNTER_FROM ? `${form.name.length} of ${NAME_MAX_LENGTH} characters` : undefined}
              >
                {(props) => (
                  <input
                    {...props}
                    className="input"
                    autoComplete="off"
                    maxLength={NAME_MAX_LENGTH}
                    value={form.name}
                    onChange={(e) => updateForm({ name: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <AuthTypeField context={context} value={form.authType} onChange={(authType) => updateForm({ authType })} />
          </>
        )}
        {form.authType === 'managed' && errors.clientId ? <p className="field-error">{errors.clientId}</p> : null}
        {form.authType === 'byo' ? <ClientCredentialsFields form={form} errors={errors} onChange={updateForm} reconnect={reconnect} /> : null}
        <CallbackUrlField url={context.callbackUrl} authType={form.authType} />
        <ScopePicker context={context} selected={form.scopes} error={errors.scopes} onChange={(scopes) => updateForm({ scopes })} />
      </div>
      <div className="modal-footer">
        {reconnect ? null : <Button onClick={() => goTo('connector')}>Back</Button>}
        <div className="toolbar-spacer" />
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary">
          Connect
        </Button>
      </div>
    </form>
  );
}
