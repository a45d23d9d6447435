/**
 * Every Atlassian URL the client uses is a setting of the environment, so the same client code
 * talks to Atlassian Cloud, a government cloud, or the local sandbox.
 */
export interface AtlassianEndpoints {
  /** Issuer identifier used for the OAuth client library (no trailing slash). */
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  accessibleResourcesUrl: string;
  /** Base of the API gateway: `${apiBaseUrl}/ex/confluence/{cloudId}/wiki/...` */
  apiBaseUrl: string;
  audience: string;
}

export interface ManagedOAuthApp {
  clientId: string;
  /** Managed apps' secrets are held by main only (env var, or the sandbox seed). */
  clientSecret: string;
  label: string;
}

export interface Environment {
  id: 'atlassian-cloud' | 'sandbox';
  label: string;
  endpoints: AtlassianEndpoints;
  /** The callback URL to register on the OAuth app; the sign-in window catches it. */
  callbackUrl: string;
  managedApp: ManagedOAuthApp | null;
}

export const DEFAULT_CALLBACK_URL = 'http://localhost:47615/oauth/callback';

export function atlassianCloudEnvironment(options: { callbackUrl?: string; managedApp?: ManagedOAuthApp | null } = {}): Environment {
  return {
    id: 'atlassian-cloud',
    label: 'Atlassian Cloud',
    endpoints: {
      issuer: 'https://auth.atlassian.com',
      authorizeUrl: 'https://auth.atlassian.com/authorize',
      tokenUrl: 'https://auth.atlassian.com/oauth/token',
      accessibleResourcesUrl: 'https://api.atlassian.com/oauth/token/accessible-resources',
      apiBaseUrl: 'https://api.atlassian.com',
      audience: 'api.atlassian.com',
    },
    callbackUrl: options.callbackUrl ?? DEFAULT_CALLBACK_URL,
    managedApp: options.managedApp ?? null,
  };
}

/** Endpoints of a sandbox served at `baseUrl` (e.g. http://127.0.0.1:4599). */
export function sandboxEnvironment(baseUrl: string, options: { callbackUrl: string; managedApp: ManagedOAuthApp | null }): Environment {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    id: 'sandbox',
    label: 'Sandbox (local Atlassian)',
    endpoints: {
      issuer: base,
      authorizeUrl: `${base}/authorize`,
      tokenUrl: `${base}/oauth/token`,
      accessibleResourcesUrl: `${base}/oauth/token/accessible-resources`,
      apiBaseUrl: base,
      audience: 'api.atlassian.com',
    },
    callbackUrl: options.callbackUrl,
    managedApp: options.managedApp,
  };
}

/** Gives the environment for an id; the app starts the sandbox lazily when it is first asked for. */
export type EnvironmentResolver = (id: Environment['id']) => Promise<Environment>;
