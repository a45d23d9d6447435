/**
 * Wraps and unwraps the vault's data key. The app uses Electron safeStorage (main/electron);
 * the browser shell and tests use the clearly labelled development key. Other protectors (a
 * recovery passphrase) plug into the same interface.
 */
export interface KeyProtector {
  /** Stable id, stored with the wrapped key so the right protector unwraps it. */
  readonly id: string;
  /** Plain words for the UI: how strong this protection is on this machine. */
  describe(): Promise<string>;
  wrap(dataKey: Buffer): Promise<string>;
  /** `shouldRewrap` true: the OS asks for the key to be wrapped again (safeStorage's shouldReEncrypt). */
  unwrap(wrapped: string): Promise<{ dataKey: Buffer; shouldRewrap: boolean }>;
}
