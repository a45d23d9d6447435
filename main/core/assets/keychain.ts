import { createRequire } from 'node:module';
import type * as Keyring from '@napi-rs/keyring';
import { AppError } from '../errors/app-error.js';

/** Where a keychain asset points: an OS keychain entry, by service and account. */
export interface KeychainReference {
  service: string;
  account: string;
}

let keyringModule: typeof Keyring | null = null;

/**
 * @napi-rs/keyring is a native module: loaded on first use only, so a machine where it cannot load
 * still starts, and only keychain assets report the keychain as unavailable.
 */
function keyring(): typeof Keyring {
  keyringModule ??= createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring;
  return keyringModule;
}

/**
 * On Linux the entry is pinned to the Secret Service: without that, the library silently falls back
 * to the kernel keyring when no Secret Service is reachable, and the asset would read as "missing"
 * from a store nobody put it in. Options are ignored on macOS and Windows.
 */
const ENTRY_OPTIONS: Keyring.EntryOptions = { linux: { store: 'secret-service' } };

/** A new keyring Entry for the reference (also used by tests and tools to create or delete entries). */
export function keychainEntry(ref: KeychainReference): Keyring.Entry {
  return new (keyring().Entry)(ref.service, ref.account, ENTRY_OPTIONS);
}

/** Describes the entry for messages: names only, never a value. */
export function describeKeychainEntry(ref: KeychainReference): string {
  return `service "${ref.service}", account "${ref.account}"`;
}

/**
 * Reads the password of an OS keychain entry, now. A missing entry → ASSET_KEYCHAIN_MISSING; no
 * keychain reachable (no D-Bus session, no Secret Service, native module unloadable) →
 * ASSET_KEYCHAIN_UNAVAILABLE. `label` names the asset in the message.
 */
export function readKeychainPassword(ref: KeychainReference, label: string): string {
  let password: string | null;
  try {
    password = keychainEntry(ref).getPassword();
  } catch (cause) {
    throw new AppError('ASSET_KEYCHAIN_UNAVAILABLE', {
      message: `The OS keychain could not be reached, so credential asset "${label}" (${describeKeychainEntry(ref)}) could not be read.`,
      detail: keychainFailure(cause),
      cause,
    });
  }
  if (password === null || password === '') {
    throw new AppError('ASSET_KEYCHAIN_MISSING', {
      message: `The OS keychain has no entry for credential asset "${label}" (${describeKeychainEntry(ref)}).`,
      remediation:
        'Add that entry to the OS keychain (Linux: secret-tool store --label=ConnectDesk service <service> username <account>) and make sure the keychain is unlocked, or edit the asset.',
    });
  }
  return password;
}

/** The library's reason (e.g. "Platform failure: DBus error: …"), shortened; it never contains a secret. */
function keychainFailure(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, 200);
}
