/**
 * Every known failure: a stable code, what happened in plain words, and what to do.
 * The UI, the CLI, logs and bundles all read from here.
 */
export const errorCatalogue = {
  OAUTH_CONSENT_DECLINED: {
    message: 'You declined access on the Atlassian permissions screen.',
    remediation: 'Select Connect again and choose Accept to allow ConnectDesk to use your Confluence spaces.',
  },
  SITE_ADMIN_APPROVAL_REQUIRED: {
    message: 'A site admin must authorize this app before it can be used on your Atlassian site.',
    remediation: 'Ask an admin of the Atlassian site to authorize (approve) the app for the site, then select Connect again.',
  },
  CONSENT_REQUIRED: {
    message: 'Atlassian needs you to approve access again: the OAuth app\'s permissions changed, or the last approval is too old.',
    remediation: 'Reconnect and choose Accept on the Atlassian permissions screen.',
  },
  OAUTH_AUTHORIZATION_ERROR: {
    message: 'Atlassian ended the sign-in with an error.',
    remediation: 'Check the OAuth app settings (client ID, enabled scopes, callback URL) and try again.',
  },
  OAUTH_WINDOW_CLOSED: {
    message: 'The sign-in window was closed before sign-in finished.',
    remediation: 'Select Connect to open it again. If Atlassian showed an error there, check the client ID and the callback URL registered on the OAuth app.',
  },
  OAUTH_TIMEOUT: {
    message: 'Sign-in took too long and was stopped.',
    remediation: 'Select Connect to start again and finish signing in within 10 minutes.',
  },
  OAUTH_CANCELLED: {
    message: 'Sign-in was cancelled.',
    remediation: 'Select Connect when you are ready to sign in.',
  },
  OAUTH_SUPERSEDED: {
    message: 'A newer sign-in attempt replaced this one.',
    remediation: 'Finish the sign-in in the window that is open now.',
  },
  OAUTH_STATE_MISMATCH: {
    message: 'The answer from Atlassian did not belong to this sign-in attempt, so it was refused.',
    remediation: 'Select Connect to start a fresh sign-in. If this keeps happening, another program may be interfering with the sign-in.',
  },
  OAUTH_INVALID_CALLBACK: {
    message: 'Atlassian returned to the callback URL without an authorization code.',
    remediation: 'Select Connect to try again.',
  },
  OAUTH_CLIENT_AUTH_FAILED: {
    message: 'Atlassian rejected the client ID or client secret.',
    remediation:
      'Open your OAuth app in the Atlassian developer console and copy its client ID and secret again (someone may have rotated the secret), then connect or reconnect with them.',
  },
  OAUTH_CODE_REJECTED: {
    message: 'Atlassian rejected the authorization code ("Invalid authorization code").',
    remediation: 'The callback URL registered on the OAuth app must equal the one shown on this page, byte for byte (watch for a trailing slash). Fix it and select Connect again.',
  },
  OAUTH_CODE_EXPIRED: {
    message: 'The authorization code expired or was already used.',
    remediation: 'Select Connect to sign in again; codes are valid for a few minutes only.',
  },
  ATLASSIAN_INVALID_GRANT: {
    message: 'Atlassian no longer accepts this connection\'s refresh token: access was revoked, the password changed, or it went unused for 90 days.',
    remediation: 'Reconnect to sign in again.',
  },
  ATLASSIAN_UNREACHABLE: {
    message: 'Atlassian could not be reached.',
    remediation: 'Check your network connection (and proxy or VPN), then try again.',
  },
  ATLASSIAN_RATE_LIMITED: {
    message: 'Atlassian is limiting requests from this app right now.',
    remediation: 'Wait: ConnectDesk retries by itself after the pause Atlassian asks for (see the detail). If it keeps happening, make fewer calls with this app.',
  },
  ATLASSIAN_SERVER_ERROR: {
    message: 'Atlassian answered with a server error.',
    remediation: 'ConnectDesk retries by itself; if it persists, check status.atlassian.com.',
  },
  ATLASSIAN_API_GONE: {
    message: 'Atlassian no longer serves the API endpoint this call used (HTTP 410 Gone): it was retired.',
    remediation: 'Update ConnectDesk, which then calls the current API. Where the current API needs granular scopes (such as read:space:confluence), reconnect with them selected.',
  },
  ATLASSIAN_WRONG_API_HOST: {
    message: 'The call went to the site\'s own address (such as acme.atlassian.net), which does not accept OAuth 2.0 tokens.',
    remediation: 'Send Confluence calls through Atlassian\'s API gateway: use the API base URL shown in Diagnostics (it starts with https://api.atlassian.com/ex/confluence/), not the site address.',
  },
  CONFLUENCE_PERMISSION_DENIED: {
    message: 'Confluence refused this action for the signed-in account (HTTP 403): the app may do it, but the account may not.',
    remediation: 'Ask a Confluence admin to give the account access to the space or page, or reconnect with an account that has it.',
  },
  ATLASSIAN_UNEXPECTED_RESPONSE: {
    message: 'Atlassian answered in a way ConnectDesk did not expect.',
    remediation: 'Try again. If it persists, export a support bundle for the details.',
  },
  NO_CONFLUENCE_SITE: {
    message: 'No Confluence site is available to this account for this app.',
    remediation: 'Sign in with an account that can use Confluence, or ask a site admin to approve the app for the site.',
  },
  SITE_CHOICE_INVALID: {
    message: 'The chosen site is not one this sign-in can reach.',
    remediation: 'Choose one of the sites listed.',
  },
  SCOPE_MISSING: {
    message: 'The connection lacks a permission this action needs.',
    remediation:
      'Reconnect to grant the missing scope. If Atlassian still leaves it out, the OAuth app does not have it enabled: enable it on your own OAuth app in the Atlassian developer console, or, for the managed app, ask whoever set up ConnectDesk.',
  },
  ATLASSIAN_TOKEN_REJECTED: {
    message: 'Atlassian did not accept the access token, even after ConnectDesk refreshed it.',
    remediation: 'Reconnect to sign in again. If it keeps happening, check whether the OAuth app or your account changed.',
  },
  TOKEN_EXPIRED: {
    message: 'The access token has expired and no refresh token is available.',
    remediation: 'Reconnect to sign in again; include Stay connected (offline_access) to avoid this.',
  },
  VALIDATION_FAILED: {
    message: 'Some of the information entered is not valid.',
    remediation: 'Correct the highlighted fields and try again.',
  },
  MANAGED_APP_UNAVAILABLE: {
    message: 'This environment has no managed OAuth app.',
    remediation: 'Choose Bring your own OAuth 2.0 app and enter its client ID and secret.',
  },
  CALLBACK_PORT_IN_USE: {
    message: 'The callback address is in use by another program, so the sign-in answer cannot be received.',
    remediation: 'Close the other program (or another ConnectDesk sign-in) and select Connect again.',
  },
  NOT_FOUND: {
    message: 'That item no longer exists.',
    remediation: 'Refresh the list and try again.',
  },
  CONFLICT: {
    message: 'That name is already used here.',
    remediation: 'Choose another name.',
  },
  SECRET_UNAVAILABLE: {
    message: 'A secret of this connection could not be decrypted.',
    remediation: 'Reconnect to store new secrets for this connection.',
  },
  VAULT_LOCKED: {
    message: 'The secret store is locked or its key is unavailable.',
    remediation: 'Make sure the OS keychain is available and unlocked, then restart ConnectDesk.',
  },
  VAULT_SLOT_DAMAGED: {
    message: 'A key slot of the secret store is damaged, so it cannot open the store. Nothing was changed.',
    remediation: 'Open the store with another key (the OS keychain or your recovery passphrase), then set the damaged one up again; or restore the store file from a backup.',
  },
  VAULT_LAST_KEY_SLOT: {
    message: 'This is the only key that opens the secret store, so it was not removed.',
    remediation: 'Add another key first (for example a recovery passphrase), then remove this one.',
  },
  RECOVERY_PASSPHRASE_WRONG: {
    message: 'The recovery passphrase is not correct.',
    remediation: 'Enter the recovery passphrase again, exactly as it was set (letter case and spaces count).',
  },
  VAULT_SESSION_ONLY: {
    message: 'Secrets are kept for this session only, so the secret store cannot be given a recovery passphrase now.',
    remediation: 'Install and unlock a keyring (GNOME Keyring or KDE Wallet) and restart ConnectDesk, then set the recovery passphrase in Settings → Security.',
  },
  RECOVERY_PASSPHRASE_TOO_SHORT: {
    message: 'The recovery passphrase is too short: use at least 12 characters.',
    remediation: 'Choose a longer passphrase; several unrelated words are easy to remember and hard to guess.',
  },
  STORE_DAMAGED: {
    message: 'The ConnectDesk store file is damaged, so it was left untouched.',
    remediation: 'Restore the file from a backup, or move it aside to start with an empty store.',
  },
  STORE_LOCKED: {
    message: 'The ConnectDesk store could not be locked for writing.',
    remediation: 'Wait a moment and try again; if it persists, close other ConnectDesk windows or command-line runs.',
  },
  BACKUP_UNREADABLE: {
    message: 'This backup could not be opened: the passphrase is wrong, or the file is not a ConnectDesk backup or is damaged.',
    remediation: 'Check the passphrase (it is case-sensitive) and that you chose the right file, then try again. Nothing was imported.',
  },
  BACKUP_PASSPHRASE_TOO_SHORT: {
    message: 'The backup passphrase is too short: use at least 12 characters.',
    remediation: 'Choose a longer passphrase; anyone who gets the file can try to guess it offline, so several unrelated words are best.',
  },
  BACKUP_PREVIEW_EXPIRED: {
    message: 'This backup is no longer open: an opened backup is kept for 10 minutes, until it is imported or the import is cancelled.',
    remediation: 'Choose the file again and enter its passphrase. Nothing was imported.',
  },
  ASSET_NOT_FOUND: {
    message: 'The credential asset this secret refers to no longer exists.',
    remediation: 'Choose another credential asset (or type the secret) and connect again.',
  },
  ASSET_IN_USE: {
    message: 'This credential asset is used by connections, so it was not deleted.',
    remediation: 'Give those connections another client secret (reconnect them), then delete the asset.',
  },
  ASSET_UNREADABLE: {
    message: 'The value stored in this credential asset could not be decrypted.',
    remediation: 'Edit the credential asset and enter its value again.',
  },
  ASSET_KEYCHAIN_MISSING: {
    message: 'The OS keychain has no entry for this credential asset.',
    remediation: 'Add the entry to the OS keychain with the service and account shown on the asset (and make sure the keychain is unlocked), or edit the asset.',
  },
  ASSET_KEYCHAIN_UNAVAILABLE: {
    message: 'The OS keychain could not be reached, so this credential asset could not be read.',
    remediation: 'Make sure the OS keychain is running and unlocked in this session (on Linux a Secret Service such as GNOME Keyring or KWallet), then try again.',
  },
  ASSET_ENV_MISSING: {
    message: 'The environment variable of this credential asset is not set.',
    remediation: 'Set the environment variable before starting ConnectDesk (or the command-line tool), or edit the asset.',
  },
  SUPPORT_BUNDLE_LEAK: {
    message: 'The support bundle was not written: a last check found a secret in it (where and what kind is in the detail; the value is never shown).',
    remediation: 'Nothing was saved or sent. Please report this to the ConnectDesk developers with the detail below, so the leak can be fixed; until then, describe the problem in words.',
  },
  SANDBOX_NOT_RUNNING: {
    message: 'This connection uses the sandbox, which is not running: its address is only known while it runs.',
    remediation: 'Start ConnectDesk (or the browser shell) with the sandbox on this data folder, or set CONNECTDESK_SANDBOX_URL to a running sandbox, and run the command again.',
  },
  FORBIDDEN_SENDER: {
    message: 'A request came from a page that is not ConnectDesk and was refused.',
    remediation: 'Restart ConnectDesk.',
  },
  UNEXPECTED: {
    message: 'Something went wrong inside ConnectDesk.',
    remediation: 'Try again. If it persists, export a support bundle and contact support.',
  },
} as const satisfies Record<string, { message: string; remediation: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];
