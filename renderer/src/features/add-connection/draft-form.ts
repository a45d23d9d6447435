import type { ConnectionDraftDto, ConnectionSummaryDto, CreationContextDto } from '../../../../preload/contract';

export type AuthType = ConnectionDraftDto['authType'];

/** What the user typed on the Settings step. Kept across steps and failures until the dialog closes. */
export interface DraftForm {
  folderId: string;
  name: string;
  authType: AuthType;
  clientId: string;
  clientSecret: string;
  /** BYO: 'asset' takes the client secret from the credential asset `clientSecretAssetId`. */
  clientSecretSource: 'typed' | 'asset';
  clientSecretAssetId: string;
  scopes: string[];
}

export type DraftField = 'folderId' | 'name' | 'clientId' | 'clientSecret' | 'scopes';
export type FieldErrors = Partial<Record<DraftField, string>>;

/** The longest connection name main accepts (contract: connectionDraftSchema). */
export const NAME_MAX_LENGTH = 120;
/** From this length on, the Settings step shows how many characters are left. */
export const NAME_COUNTER_FROM = 100;

export const emptyForm: DraftForm = { folderId: '', name: '', authType: 'managed', clientId: '', clientSecret: '', clientSecretSource: 'typed', clientSecretAssetId: '', scopes: [] };

export function initialForm(context: CreationContextDto, folderId: string): DraftForm {
  return {
    folderId,
    name: context.connector.name,
    authType: context.managedApp.available ? 'managed' : 'byo',
    clientId: '',
    clientSecret: '',
    clientSecretSource: 'typed',
    clientSecretAssetId: '',
    scopes: context.connector.scopes.filter((s) => s.default).map((s) => s.scope),
  };
}

/**
 * Reconnect: the connection's folder, name and auth type (read-only), its requested scopes, and
 * the credential asset its client secret comes from, if any (kept unless the user changes it).
 */
export function reconnectForm(connection: ConnectionSummaryDto): DraftForm {
  const asset = connection.clientSecretAsset ?? null;
  return {
    folderId: connection.folderId,
    name: connection.name,
    authType: connection.authType,
    clientId: '',
    clientSecret: '',
    clientSecretSource: asset ? 'asset' : 'typed',
    clientSecretAssetId: asset?.id ?? '',
    scopes: [...connection.requestedScopes],
  };
}

/**
 * The same rules main applies (contract: connectionDraftSchema), checked before anything is sent.
 * `reconnect`: the connection signing in again.
 */
export function validateForm(form: DraftForm, context: CreationContextDto, reconnect: ConnectionSummaryDto | null = null): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.folderId) errors.folderId = 'Choose a folder';
  const name = form.name.trim();
  if (!name) errors.name = 'Enter a connection name';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use ${NAME_MAX_LENGTH} characters or fewer`;
  if (form.authType === 'managed' && !context.managedApp.available) {
    errors.clientId = 'The managed app is not available here: bring your own OAuth 2.0 app';
  }
  if (form.authType === 'byo') {
    const clientId = form.clientId.trim();
    // Reconnect: an empty client ID keeps the stored one.
    if (!clientId && !reconnect) errors.clientId = 'Enter the client ID of your OAuth app';
    else if (clientId.length > 200) errors.clientId = 'A client ID has at most 200 characters';
    const secretError = clientSecretError(form, reconnect);
    if (secretError) errors.clientSecret = secretError;
  }
  if (form.scopes.length === 0) errors.scopes = 'Select at least one scope';
  return errors;
}

function clientSecretError(form: DraftForm, reconnect: ConnectionSummaryDto | null): string | undefined {
  if (form.clientSecretSource === 'asset') return form.clientSecretAssetId ? undefined : 'Choose a credential asset';
  if (form.clientSecret.length > 500) return 'A client secret has at most 500 characters';
  if (form.clientSecret) return undefined;
  if (!reconnect) return 'Enter the client secret of your OAuth app';
  // Reconnect: an empty secret keeps the stored one — but not instead of the asset the user just let go of.
  if (reconnect.clientSecretAsset) return 'Enter the client secret, or use the credential asset again';
  return form.clientId.trim() ? 'Enter the client secret that goes with the new client ID' : undefined;
}

export function buildDraft(form: DraftForm, draftId: string, connectorId: string, reconnectConnectionId?: string | null): ConnectionDraftDto {
  const clientId = form.clientId.trim();
  const { clientSecret } = form;
  const fromAsset = form.clientSecretSource === 'asset' && form.clientSecretAssetId !== '';
  const secret = fromAsset ? { clientSecretAssetId: form.clientSecretAssetId } : { clientSecret };
  // Reconnect sends only what was given: an empty client ID or typed secret keeps the stored one;
  // the asset is always named, so keeping it does not depend on main's default.
  const credentials = reconnectConnectionId
    ? { ...(clientId ? { clientId } : {}), ...(fromAsset || clientSecret ? secret : {}) }
    : { clientId, ...secret };
  return {
    draftId,
    connectorId,
    folderId: form.folderId,
    name: form.name.trim(),
    authType: form.authType,
    ...(form.authType === 'byo' ? credentials : {}),
    scopes: form.scopes,
    ...(reconnectConnectionId ? { reconnectConnectionId } : {}),
  };
}
