import type { ConnectionDraftDto, ConnectionSummaryDto, CreationContextDto } from '../../../../preload/contract';

export type AuthType = ConnectionDraftDto['authType'];

/** What the user typed on the Settings step. Kept across steps and failures until the dialog closes. */
export interface DraftForm {
  folderId: string;
  name: string;
  authType: AuthType;
  clientId: string;
  clientSecret: string;
  /** BYO (not reconnect): 'asset' takes the client secret from the credential asset `clientSecretAssetId`. */
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

/** Reconnect: the connection's folder, name and auth type (read-only) and its requested scopes. */
export function reconnectForm(connection: ConnectionSummaryDto): DraftForm {
  return {
    folderId: connection.folderId,
    name: connection.name,
    authType: connection.authType,
    clientId: '',
    clientSecret: '',
    clientSecretSource: 'typed',
    clientSecretAssetId: '',
    scopes: [...connection.requestedScopes],
  };
}

/** The same rules main applies (contract: connectionDraftSchema), checked before anything is sent. */
export function validateForm(form: DraftForm, context: CreationContextDto, reconnecting = false): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.folderId) errors.folderId = 'Choose a folder';
  const name = form.name.trim();
  if (!name) errors.name = 'Enter a connection name';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use ${NAME_MAX_LENGTH} characters or fewer`;
  if (form.authType === 'managed' && !context.managedApp.available) {
    errors.clientId = 'The managed app is not available here: bring your own OAuth 2.0 app';
  }
  if (form.authType === 'byo' && reconnecting) {
    // Empty keeps the stored client ID and secret; a new client ID needs its own secret.
    if (form.clientId.trim().length > 200) errors.clientId = 'A client ID has at most 200 characters';
    if (form.clientId.trim() && !form.clientSecret) errors.clientSecret = 'Enter the client secret that goes with the new client ID';
    else if (form.clientSecret.length > 500) errors.clientSecret = 'A client secret has at most 500 characters';
  } else if (form.authType === 'byo') {
    const clientId = form.clientId.trim();
    if (!clientId) errors.clientId = 'Enter the client ID of your OAuth app';
    else if (clientId.length > 200) errors.clientId = 'A client ID has at most 200 characters';
    if (form.clientSecretSource === 'asset') {
      if (!form.clientSecretAssetId) errors.clientSecret = 'Choose a credential asset';
    } else if (!form.clientSecret) errors.clientSecret = 'Enter the client secret of your OAuth app';
    else if (form.clientSecret.length > 500) errors.clientSecret = 'A client secret has at most 500 characters';
  }
  if (form.scopes.length === 0) errors.scopes = 'Select at least one scope';
  return errors;
}

export function buildDraft(form: DraftForm, draftId: string, connectorId: string, reconnectConnectionId?: string | null): ConnectionDraftDto {
  const clientId = form.clientId.trim();
  const { clientSecret } = form;
  // Reconnect sends only what was typed: an empty client ID or secret keeps the stored one.
  const fromAsset = form.clientSecretSource === 'asset' && form.clientSecretAssetId !== '';
  const credentials = reconnectConnectionId
    ? { ...(clientId ? { clientId } : {}), ...(clientSecret ? { clientSecret } : {}) }
    : fromAsset
      ? { clientId, clientSecretAssetId: form.clientSecretAssetId }
      : { clientId, clientSecret };
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
