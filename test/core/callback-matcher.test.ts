import { describe, expect, it } from 'vitest';
import { isCallbackUrl, matchCallback, redactCallbackUrl } from '../../main/core/oauth/callback-matcher.js';

const registered = 'http://localhost:10000/callback';

describe('callback matcher', () => {
  it('C1: reads the answer from the fragment exactly like the query', () => {
    const fromQuery = matchCallback(`${registered}?code=X&state=S`, registered);
    const fromFragment = matchCallback(`${registered}#code=X&state=S`, registered);
    expect(fromQuery?.source).toBe('query');
    expect(fromFragment?.source).toBe('fragment');
    expect(fromFragment?.params.get('code')).toBe('X');
    expect(fromFragment?.params.get('state')).toBe('S');
  });

  it('C2: an intermediate page carrying code and state on another host or path is not terminal', () => {
    expect(matchCallback('https://sso.example.com/broker?state=S&code=X', registered)).toBeNull();
    expect(matchCallback('http://localhost:10000/sso/continue?state=S&code=X', registered)).toBeNull();
  });

  it('C3: matches only the exact scheme, host, port and path', () => {
    expect(isCallbackUrl('http://localhost:10000/callback?code=1', registered)).toBe(true);
    expect(isCallbackUrl('http://LOCALHOST:10000/callback', registered)).toBe(true);
    expect(isCallbackUrl('http://localhost:10001/callback', registered)).toBe(false);
    expect(isCallbackUrl('http://localhost/callback', registered)).toBe(false);
    expect(isCallbackUrl('http://localhost:10000/other', registered)).toBe(false);
    expect(isCallbackUrl('http://localhost:10000/callback/', registered)).toBe(false);
    expect(isCallbackUrl('https://localhost:10000/callback', registered)).toBe(false);
    expect(isCallbackUrl('http://127.0.0.1:10000/callback', registered)).toBe(false);
    expect(isCallbackUrl('not a url', registered)).toBe(false);
  });

  it('treats the default port and an explicit one alike', () => {
    expect(isCallbackUrl('https://app.example.com:443/cb', 'https://app.example.com/cb')).toBe(true);
  });

  it('E2: a callback registered without a path matches the root', () => {
    expect(matchCallback('http://localhost:4200/?code=X&state=S', 'http://localhost:4200')?.params.get('code')).toBe('X');
    expect(matchCallback('http://localhost:4200/app?code=X&state=S', 'http://localhost:4200')).toBeNull();
  });

  it('C5: an error answer is terminal and readable', () => {
    const match = matchCallback(`${registered}?error=access_denied&error_description=User%20did%20not%20authorize&state=S`, registered);
    expect(match?.params.get('error')).toBe('access_denied');
    expect(match?.params.get('error_description')).toBe('User did not authorize');
  });

  it('redacts query and fragment for logging', () => {
    expect(redactCallbackUrl(`${registered}?code=SECRETCODE&state=S#x=1`)).toBe(registered);
  });
});
