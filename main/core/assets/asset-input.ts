import { AppError } from '../errors/app-error.js';

/** What an asset holds, as the user enters it: a value to seal, or a reference resolved at use. */
export type AssetSourceInput =
  | { kind: 'stored'; value: string }
  | { kind: 'keychain'; service: string; account: string }
  | { kind: 'env'; variable: string };

export interface NewAsset {
  folderId: string;
  name: string;
  description?: string | undefined;
  source: AssetSourceInput;
}

/** Only what is given changes; a new `source` replaces the value or reference (rotation). */
export interface AssetChange {
  name?: string | undefined;
  description?: string | undefined;
  source?: AssetSourceInput | undefined;
}

export const ASSET_NAME_MAX = 100;
export const ASSET_DESCRIPTION_MAX = 1_000;
const ENV_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, remediation: 'Correct it and try again.' });
}

export function normaliseAssetName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalid('Enter a name for the credential asset.');
  if (trimmed.length > ASSET_NAME_MAX) throw invalid(`A credential asset name has at most ${ASSET_NAME_MAX} characters.`);
  return trimmed;
}

export function normaliseAssetDescription(description: string | undefined): string {
  const text = (description ?? '').trim();
  if (text.length > ASSET_DESCRIPTION_MAX) throw invalid(`A description has at most ${ASSET_DESCRIPTION_MAX} characters.`);
  return text;
}

/** Checks a source; references are trimmed, a stored value is kept exactly as typed (it is a secret). */
export function normaliseAssetSource(source: AssetSourceInput): AssetSourceInput {
  switch (source.kind) {
    case 'stored':
      if (typeof source.value !== 'string' || source.value === '') throw invalid('Enter the secret value of the credential asset.');
      return { kind: 'stored', value: source.value };
    case 'keychain': {
      const service = source.service?.trim() ?? '';
      const account = source.account?.trim() ?? '';
      if (!service || !account) throw invalid('Enter the service and the account of the OS keychain entry.');
      return { kind: 'keychain', service, account };
    }
    case 'env': {
      const variable = source.variable?.trim() ?? '';
      if (!ENV_VARIABLE.test(variable)) throw invalid('Enter an environment variable name (letters, digits and _, not starting with a digit).');
      return { kind: 'env', variable };
    }
    default:
      throw invalid('Choose where the credential asset keeps its value: stored in ConnectDesk, an OS keychain entry, or an environment variable.');
  }
}
