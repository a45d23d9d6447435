import { TextInput } from '../../components/text-input';
import { SecretInput } from '../../components/secret-input';
import { DropdownMenu } from 'radix-ui';
import { useEffect, useState } from 'react';
import type { AssetSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { Field } from '../../components/field';
import { MoreIcon } from '../../components/icons';
import { describeKind } from '../assets/assets-store';
import type { DraftForm, FieldErrors } from './draft-form';

/**
 * Client ID and client secret of the user's own OAuth app. The secret is hidden unless shown, or
 * (new connections) taken from one of the folder's credential assets, chosen with "Secret options".
 */
export function ClientCredentialsFields({
  form,
  errors,
  onChange,
  storedClientIdMasked,
}: {
  form: DraftForm;
  errors: FieldErrors;
  onChange: (patch: Partial<DraftForm>) => void;
  /** Reconnect: the stored client ID (masked); both fields may stay empty to keep the stored ones. */
  storedClientIdMasked?: string | undefined;
}) {
  const keeping = storedClientIdMasked !== undefined;
  const usingAsset = !keeping && form.clientSecretSource === 'asset';
  return (
    <div className="field-row">
      <Field label="Client ID" error={errors.clientId} hint={keeping ? 'Leave empty to keep the stored client ID' : undefined}>
        {(props) => <TextInput field={props} mono value={form.clientId} placeholder={storedClientIdMasked} onChange={(clientId) => onChange({ clientId })} />}
      </Field>
      <div className="secret-field">
        {usingAsset ? (
          <AssetSelect folderId={form.folderId} value={form.clientSecretAssetId} error={errors.clientSecret} onChange={(clientSecretAssetId) => onChange({ clientSecretAssetId })} />
        ) : (
          <Field
            label="Client secret"
            error={errors.clientSecret}
            hint={keeping ? 'Leave empty to keep the stored secret' : 'Stored encrypted on this computer; never shown again.'}
          >
            {(props) => <SecretInput field={props} value={form.clientSecret} onChange={(clientSecret) => onChange({ clientSecret })} />}
          </Field>
        )}
        {keeping ? null : (
          <DropdownMenu.Root modal={false}>
            <DropdownMenu.Trigger className="btn btn-ghost btn-icon btn-sm secret-options" aria-label="Secret options">
              <MoreIcon />
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
                <DropdownMenu.Label className="menu-label">Client secret</DropdownMenu.Label>
                <DropdownMenu.Item className="menu-item" onSelect={() => onChange({ clientSecretSource: 'asset', clientSecret: '' })}>
                  Use credential asset
                </DropdownMenu.Item>
                <DropdownMenu.Item className="menu-item" onSelect={() => onChange({ clientSecretSource: 'typed', clientSecretAssetId: '' })}>
                  Type a value
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
      </div>
    </div>
  );
}

/** The folder's credential assets (from main, never a value) to take the client secret from. */
function AssetSelect({ folderId, value, error, onChange }: { folderId: string; value: string; error: string | undefined; onChange: (assetId: string) => void }) {
  const [assets, setAssets] = useState<AssetSummaryDto[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setAssets(null);
    setFailed(null);
    if (!folderId) return;
    invoke('assets:list', { folderId })
      .then((list) => {
        if (live) setAssets(list);
      })
      .catch((e: unknown) => {
        if (live) setFailed(e instanceof Error ? e.message : 'The credential assets could not be loaded.');
      });
    return () => {
      live = false;
    };
  }, [folderId]);

  // A choice from another folder does not apply here.
  useEffect(() => {
    if (assets && value && !assets.some((a) => a.id === value)) onChange('');
  }, [assets, value, onChange]);

  const hint = failed ?? (assets && assets.length === 0 ? 'This folder has no credential assets yet: add one in its Credential assets tab, or type a value.' : 'The connection reads the secret from this asset each time it signs in.');
  return (
    <Field label="Credential asset" error={error} hint={hint}>
      {(props) => (
        <select {...props} className="input select" value={value} disabled={assets === null && !failed} onChange={(e) => onChange(e.target.value)}>
          <option value="">{assets === null && !failed ? 'Loading…' : 'Choose a credential asset'}</option>
          {(assets ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} — {describeKind(a)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
