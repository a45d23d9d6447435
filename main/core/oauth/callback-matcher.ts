/**
 * Decides whether a URL the sign-in browser is about to load is THE registered callback, and
 * reads the OAuth answer out of it. Only an exact scheme + host + port + path match is terminal
 * (case C2: an SSO broker page that carries code and state is not; C3: no port/path slack).
 */
export interface CallbackMatch {
  params: URLSearchParams;
  /** Where the answer was found: the query, or the fragment (case C1). */
  source: 'query' | 'fragment';
}

const ANSWER_KEYS = ['code', 'error', 'state'] as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `candidate` addresses the same endpoint as `registered` (query and fragment aside). */
export function isCallbackUrl(candidate: string, registered: string): boolean {
  const a = parse(candidate);
  const b = parse(registered);
  if (!a || !b) return false;
  // URL lowercases scheme and host and drops a default port, so these compare canonical forms.
  return a.protocol === b.protocol && a.hostname === b.hostname && a.port === b.port && a.pathname === b.pathname;
}

export function matchCallback(candidate: string, registered: string): CallbackMatch | null {
  if (!isCallbackUrl(candidate, registered)) return null;
  const url = new URL(candidate);
  const hasAnswer = (p: URLSearchParams) => ANSWER_KEYS.some((k) => p.has(k));
  if (hasAnswer(url.searchParams)) return { params: url.searchParams, source: 'query' };
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (hasAnswer(fragment)) return { params: fragment, source: 'fragment' };
  // The callback endpoint was reached without an answer; still terminal (the flow must end).
  return { params: url.searchParams, source: 'query' };
}

/** The callback URL without query or fragment: the only form of it that may be logged. */
export function redactCallbackUrl(url: string): string {
  const parsed = parse(url);
  if (!parsed) return '<unparseable url>';
  return `${parsed.origin}${parsed.pathname}`;
}
