import { TextInput } from '../../components/text-input';
import { SecretInput } from '../../components/secret-input';
import { DropdownMenu } from 'radix-ui';
import { useEffect, useState } from 'react';
import type { AssetSummaryDto, ConnectionSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { Field } from '../../components/field';
import { ChevronIcon } from '../../components/icons';
import { describeKind } from '../assets/assets-store';
import type { DraftForm, FieldErrors } from './draft-form';

/**
 * Client ID and client secret of the user's own OAuth app. The secret is hidden unless shown, or
 * taken from one of the folder's credential assets, chosen with "Secret options". Reconnect shows
 * the asset the connection uses (preselected, kept unless changed), and says so plainly when typing
 * a secret would stop using it.
 */
export function ClientCredentialsFields({
  form,
  errors,
  onChange,
  reconnect,
}: {
  form: DraftForm;
  errors: FieldErrors;
  onChange: (patch: Partial<DraftForm>) => void;
  /** Reconnect: the connection; the client ID and a typed secret may stay empty to keep the stored ones. */
  reconnect?: Pick<ConnectionSummaryDto, 'clientIdMasked' | 'clientSecretAsset'> | null | undefined;
}) {
  const storedAsset = reconnect?.clientSecretAsset ?? null;
  const usingAsset = form.clientSecretSource === 'asset';
  const typedHint = !reconnect
    ? 'Stored encrypted on this computer; never shown again.'
    : storedAsset
      ? `The connection will stop using the credential asset ${storedAsset.name} and keep this secret instead.`
      : 'Leave empty to keep the stored secret';
  return (
    <div className="field-row">
      <Field label="Client ID" error={errors.clientId} hint={reconnect ? 'Leave empty to keep the stored client ID' : undefined}>
        {(props) => <TextInput field={props} mono value={form.clientId} placeholder={reconnect?.clientIdMasked} onChange={(clientId) => onChange({ clientId })} />}
      </Field>
      <div className="secret-field">
        {usingAsset ? (
          <AssetSelect
            folderId={form.folderId}
            value={form.clientSecretAssetId}
            current={storedAsset}
            error={errors.clientSecret}
            onChange={(clientSecretAssetId) => onChange({ clientSecretAssetId })}
          />
        ) : (
          <Field label="Client secret" error={errors.clientSecret} hint={typedHint}>
            {(props) => <SecretInput field={props} value={form.clientSecret} onChange={(clientSecret) => onChange({ clientSecret })} />}
          </Field>
        )}
        <DropdownMenu.Root modal={false}>
          {/* Named on screen, not only for screen readers: it is the one way to a credential asset. */}
          <DropdownMenu.Trigger className="btn btn-ghost btn-sm secret-options" title="Secret options: type the client secret, or take it from a credential asset">
            Secret options
            <ChevronIcon size={12} className="secret-options-chevron" />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              <DropdownMenu.Label className="menu-label">Client secret</DropdownMenu.Label>
              {/* Only the other way: the one in use is what the field already shows. */}
              {usingAsset ? (
                <DropdownMenu.Item className="menu-item" onSelect={() => onChange({ clientSecretSource: 'typed', clientSecretAssetId: '' })}>
                  Type a secret
                </DropdownMenu.Item>
              ) : (
                <DropdownMenu.Item
                  className="menu-item"
                  onSelect={() => onChange({ clientSecretSource: 'asset', clientSecret: '', clientSecretAssetId: form.clientSecretAssetId || storedAsset?.id || '' })}
                >
                  Use credential asset
                </DropdownMenu.Item>
              )}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </div>
  );
}

/**
 * The folder's credential assets (from main, never a value) to take the client secret from.
 * `current` (reconnect): the asset the connection uses now, listed even if it belongs to another
 * folder (the connection was moved) or the list is still loading.
 */
function AssetSelect({
  folderId,
  value,
  current,
  error,
  onChange,
}: {
  folderId: string;
  value: string;
  current: { id: string; name: string } | null;
  error: string | undefined;
  onChange: (assetId: string) => void;
}) {
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

  const options: { id: string; label: string; name: string }[] = (assets ?? []).map((a) => ({ id: a.id, name: a.name, label: `${a.name} — ${describeKind(a)}` }));
  if (current && !options.some((o) => o.id === current.id)) options.unshift({ id: current.id, name: current.name, label: current.name });

  // A choice from another folder does not apply here (the connection's own asset does).
  useEffect(() => {
    if (assets && value && value !== current?.id && !assets.some((a) => a.id === value)) onChange('');
  }, [assets, value, current, onChange]);

  const chosen = options.find((o) => o.id === value);
  const hint =
    failed ??
    (current && chosen
      ? `Client secret: from credential asset ${chosen.name}${chosen.id === current.id ? '' : ` (instead of ${current.name})`}`
      : options.length === 0 && assets
        ? 'This folder has no credential assets yet: add one in its Credential assets tab, or type a secret.'
        : 'The connection reads the secret from this asset each time it signs in.');
  const loading = assets === null && !failed;
  return (
    <Field label="Credential asset" error={error} hint={hint}>
      {(props) => (
        <select {...props} className="input select" value={value} disabled={loading && !current} onChange={(e) => onChange(e.target.value)}>
          <option value="">{loading ? 'Loading…' : 'Choose a credential asset'}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
