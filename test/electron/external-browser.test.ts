// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createExternalOpener, isExternalBrowserUrl, isHttpsUrl } from '../../main/electron/external-browser.js';

describe('external browser URL vetting', () => {
  it.each([
    'https://auth.atlassian.com/authorize?client_id=a&scope=read%3Aconfluence-space.summary',
    'http://127.0.0.1:4870/authorize?state=S',
    'http://localhost:4870/authorize',
    'http://[::1]:4870/authorize',
  ])('accepts %s', (url) => {
    expect(isExternalBrowserUrl(url)).toBe(true);
  });

  it.each([
    'http://auth.atlassian.com/authorize',
    'http://192.168.1.10/authorize',
    'http://localhost.evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:',
    'https://auth.atlassian.com@evil.example/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isExternalBrowserUrl(url)).toBe(false);
  });

  it('isHttpsUrl refuses even loopback http', () => {
    expect(isHttpsUrl('https://support.atlassian.com/')).toBe(true);
    expect(isHttpsUrl('http://127.0.0.1/')).toBe(false);
    expect(isHttpsUrl(42)).toBe(false);
  });

  it('opens only vetted URLs, normalised', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const open = createExternalOpener(shell);
    expect(await open('HTTPS://Auth.Atlassian.com/authorize')).toBe(true);
    expect(await open('file:///etc/passwd')).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://auth.atlassian.com/authorize');
  });
});
