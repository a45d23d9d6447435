import { TextInput } from '../../components/text-input';
import { SecretInput } from '../../components/secret-input';
import { useId, useState } from 'react';
import type { AssetSummaryDto, RequestOf } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { ChoiceList } from '../../components/choice-list';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { describeKind, useAssetsStore } from './assets-store';

type Kind = AssetSummaryDto['kind'];
type Source = RequestOf<'assets:create'>['source'];
type FieldName = 'name' | 'value' | 'service' | 'account' | 'variable';

const NAME_MAX = 100;
const ENV_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

const kindOptions: { value: Kind; label: string; description: string }[] = [
  { value: 'stored', label: 'Stored in ConnectDesk', description: 'ConnectDesk keeps the value encrypted on this computer.' },
  { value: 'keychain', label: 'OS keychain', description: 'Read from the operating system keychain each time it is used.' },
  { value: 'env', label: 'Environment variable', description: 'Read from an environment variable of ConnectDesk each time it is used.' },
];

/** New credential asset (no `asset`) or Edit (with one). The value is never shown: it can only be replaced. */
export function AssetDialog({
  folderId,
  asset,
  onClose,
  returnFocus,
}: {
  folderId: string;
  asset?: AssetSummaryDto;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
}) {
  const upsert = useAssetsStore((s) => s.upsert);
  const kindLabelId = useId();
  const ref = asset?.reference ?? null;
  const [name, setName] = useState(asset?.name ?? '');
  const [description, setDescription] = useState(asset?.description ?? '');
  const [replacing, setReplacing] = useState(!asset);
  const [kind, setKind] = useState<Kind>(asset?.kind ?? 'stored');
  const [value, setValue] = useState('');
  const [service, setService] = useState(ref && 'service' in ref ? ref.service : '');
  const [account, setAccount] = useState(ref && 'account' in ref ? ref.account : '');
  const [variable, setVariable] = useState(ref && 'variable' in ref ? ref.variable : '');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});

  const clear = (field: FieldName) => setErrors((e) => ({ ...e, [field]: undefined }));

  const validate = () => {
    const next: Partial<Record<FieldName, string>> = {};
    if (!name.trim()) next.name = 'Enter a name';
    else if (name.trim().length > NAME_MAX) next.name = `Use ${NAME_MAX} characters or fewer`;
    if (replacing) {
      if (kind === 'stored' && !value) next.value = 'Enter the secret value';
      if (kind === 'keychain' && !service.trim()) next.service = 'Enter the keychain service';
      if (kind === 'keychain' && !account.trim()) next.account = 'Enter the keychain account';
      if (kind === 'env' && !variable.trim()) next.variable = 'Enter the variable name';
      else if (kind === 'env' && !ENV_VARIABLE.test(variable.trim())) next.variable = 'Use letters, digits and _ only';
    }
    setErrors(next);
    return Object.values(next).every((e) => !e);
  };

  const source = (): Source =>
    kind === 'stored' ? { kind, value } : kind === 'keychain' ? { kind, service: service.trim(), account: account.trim() } : { kind, variable: variable.trim() };

  const submit = async () => {
    const saved = asset
      ? await invoke('assets:update', { assetId: asset.id, name: name.trim(), description: description.trim(), ...(replacing ? { source: source() } : {}) })
      : await invoke('assets:create', { folderId, name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}), source: source() });
    upsert(saved);
  };

  const unchanged = !!asset && !replacing && name.trim() === asset.name && description.trim() === asset.description;

  return (
    <FormDialog
      title={asset ? `Edit ${asset.name}` : 'New credential asset'}
      size="md"
      submitLabel={asset ? 'Save' : 'Create'}
      validate={validate}
      unchanged={unchanged}
      onSubmit={submit}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <Field label="Name" error={errors.name}>
        {(props) => (
          <TextInput
            field={props}
            maxLength={NAME_MAX}
            value={name}
            onChange={(next) => {
              setName(next);
              clear('name');
            }}
          />
        )}
      </Field>
      <Field label="Description" hint="Optional: what the secret is for, who owns it.">
        {(props) => <textarea {...props} className="input textarea" rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      {asset ? (
        <>
          <p className="field-hint">Now: {describeKind(asset)}</p>
          <label className="check-line">
            <input type="checkbox" className="checkbox" checked={replacing} onChange={(e) => setReplacing(e.target.checked)} />
            <span>Replace value / reference</span>
          </label>
        </>
      ) : null}
      {replacing ? (
        <>
          <div className="field">
            <span className="field-label" id={kindLabelId}>
              Kind
            </span>
            <ChoiceList labelledBy={kindLabelId} value={kind} onChange={setKind} options={kindOptions} />
          </div>
          {kind === 'stored' ? (
            <Field label="Secret value" error={errors.value} hint={asset ? 'The current value is never shown; this replaces it.' : 'Stored encrypted on this computer; never shown again.'}>
              {(props) => (
                <SecretInput
                  field={props}
                  value={value}
                  onChange={(next) => {
                    setValue(next);
                    clear('value');
                  }}
                />
              )}
            </Field>
          ) : null}
          {kind === 'keychain' ? (
            <div className="field-row">
              <Field label="Service" error={errors.service}>
                {(props) => (
                  <TextInput
                    field={props}
                    mono
                    value={service}
                    onChange={(next) => {
                      setService(next);
                      clear('service');
                    }}
                  />
                )}
              </Field>
              <Field label="Account" error={errors.account}>
                {(props) => (
                  <TextInput
                    field={props}
                    mono
                    value={account}
                    onChange={(next) => {
                      setAccount(next);
                      clear('account');
                    }}
                  />
                )}
              </Field>
            </div>
          ) : null}
          {kind === 'env' ? (
            <Field label="Variable name" error={errors.variable} hint="Read from ConnectDesk's environment when a connection uses it.">
              {(props) => (
                <TextInput
                  field={props}
                  mono
                  value={variable}
                  onChange={(next) => {
                    setVariable(next);
                    clear('variable');
                  }}
                />
              )}
            </Field>
          ) : null}
        </>
      ) : null}
    </FormDialog>
  );
}
