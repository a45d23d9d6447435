// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../main/electron/app-origin.js';
import { isTrustedSender } from '../../main/electron/trusted-sender.js';

const top = (url: string, origin: string) => ({ url, origin, parent: null });

describe('isTrustedSender', () => {
  it('accepts the app main frame', () => {
    expect(isTrustedSender(top('app://connectdesk/index.html', 'app://connectdesk'))).toBe(true);
    expect(isTrustedSender(top('app://connectdesk/', 'app://connectdesk'))).toBe(true);
  });

  it.each([
    ['look-alike host', 'app://connectdesk.evil/', 'app://connectdesk.evil'],
    ['credentials trick', 'app://connectdesk@evil/', 'app://evil'],
    ['file URL', 'file:///opt/ConnectDesk/index.html', 'file://'],
    ['remote page', 'https://connectdesk.example/', 'https://connectdesk.example'],
    ['about:blank inheriting nothing', '', 'null'],
    ['URL and origin disagree', 'app://connectdesk/index.html', 'https://evil.example'],
  ])('refuses %s', (_name, url, origin) => {
    expect(isTrustedSender(top(url, origin))).toBe(false);
  });

  it('refuses sub-frames and missing frames', () => {
    const parent = top('app://connectdesk/', 'app://connectdesk');
    expect(isTrustedSender({ url: 'app://connectdesk/x.html', origin: 'app://connectdesk', parent })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('isAppUrl parses instead of prefix-matching', () => {
    expect(isAppUrl('app://connectdesk/assets/x.js')).toBe(true);
    expect(isAppUrl('app://connectdeskx/')).toBe(false);
    expect(isAppUrl('APP://CONNECTDESK/')).toBe(true);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
