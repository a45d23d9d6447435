import type { ErrorCode } from '../core/errors/error-catalogue.js';

/** The command-line tool's exit codes (documented in the README and in `connectdesk --help`). */
export const ExitCode = {
  ok: 0,
  /** Check found a connection unhealthy, or the operation failed (sign-in, Atlassian, unexpected). */
  failed: 1,
  /** Wrong arguments: a missing or unknown option, an ambiguous name, delete without --yes. */
  usage: 2,
  /** The secret store could not be opened: locked, wrong recovery passphrase, keychain unavailable. */
  locked: 3,
  /** The connection, folder or credential asset named does not exist. */
  notFound: 4,
  /** The store file is damaged, or another process kept it locked for too long. */
  store: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  VALIDATION_FAILED: ExitCode.usage,
  CONFLICT: ExitCode.usage,
  SITE_CHOICE_INVALID: ExitCode.usage,
  MANAGED_APP_UNAVAILABLE: ExitCode.usage,
  VAULT_LOCKED: ExitCode.locked,
  VAULT_SLOT_DAMAGED: ExitCode.locked,
  VAULT_LAST_KEY_SLOT: ExitCode.locked,
  RECOVERY_PASSPHRASE_WRONG: ExitCode.locked,
  RECOVERY_PASSPHRASE_TOO_SHORT: ExitCode.usage,
  NOT_FOUND: ExitCode.notFound,
  ASSET_NOT_FOUND: ExitCode.notFound,
  STORE_DAMAGED: ExitCode.store,
  STORE_LOCKED: ExitCode.store,
};

export function exitCodeFor(code: string): ExitCode {
  return BY_CODE[code as ErrorCode] ?? ExitCode.failed;
}

/** For `connectdesk --help`. */
export const EXIT_CODES_HELP = `Exit codes:
  0  success (check: every connection healthy)
  1  check found a connection unhealthy, or the operation failed
  2  usage: wrong or missing arguments, an ambiguous name, delete without --yes
  3  the secret store could not be opened (locked, wrong recovery passphrase)
  4  the connection, folder or credential asset does not exist
  5  the store file is damaged, or stayed locked by another process too long`;
