/** Settings → Security: how secrets are protected here, and the recovery passphrase. TODO(issue 4, security helper). */
export function SecuritySection() {
  return null;
}
