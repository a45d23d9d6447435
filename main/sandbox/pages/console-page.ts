/** GET /: everything a developer needs to use the sandbox, secrets included (nothing here is real). */
import type { SandboxSwitches } from '../sandbox-api.js';
import type { ResolvedSeed } from '../sandbox-seed.js';
import { retryAfterHeader } from '../switches-schema.js';
import { escapeHtml, renderPage } from './page-layout.js';

const code = (value: string): string => `<code>${escapeHtml(value)}</code>`;

/**
 * "Rotate secret" for a bring-your-own app. Not offered for the managed app: ConnectDesk ships its
 * secret, so rotating it would break every managed connection (the admin API still can).
 */
const rotateForm = (app: { clientId: string; label: string }): string =>
  `<form class="inline" method="post" action="/__admin/rotate-client-secret"><input type="hidden" name="clientId" value="${escapeHtml(app.clientId)}"> <button type="submit" aria-label="Rotate secret of ${escapeHtml(app.label)}">Rotate secret</button></form>`;

export function renderConsolePage(input: { baseUrl: string; seed: ResolvedSeed; switches: SandboxSwitches }): string {
  const { seed, switches, baseUrl } = input;
  const apps = seed.apps
    .map(
      (a) => `<tr><td>${escapeHtml(a.label)}${a.managed ? ' <span class="muted">(managed)</span>' : ''}</td>
<td>${code(a.clientId)}</td><td>${code(a.clientSecret)}${a.managed ? '' : rotateForm(a)}</td>
<td>${a.redirectUris.map(code).join('<br>')}</td></tr>`,
    )
    .join('');
  const users = seed.users
    .map((u) => {
      const sites = u.siteIds
        .flatMap((id) => seed.sites.filter((s) => s.cloudId === id))
        .map((s) => `${escapeHtml(s.name)} (${s.product === 'confluence' ? 'Confluence' : 'Jira only'})`)
        .join(', ');
      return `<tr><td>${code(u.email)}</td><td>${escapeHtml(u.displayName)}</td><td>${sites || '<span class="muted">none</span>'}</td><td>${escapeHtml(u.demonstrates)}</td></tr>`;
    })
    .join('');
  const checkbox = (name: keyof SandboxSwitches, label: string): string =>
    `<label><input type="checkbox" name="${name}"${switches[name] === true ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  const select = <K extends 'tokenEndpoint' | 'refreshEndpoint' | 'api'>(name: K, label: string, values: Array<SandboxSwitches[K]>, help: string): string =>
    `<label for="${name}">${escapeHtml(label)}</label>
<select id="${name}" name="${name}" aria-describedby="${name}-help">${values
      .map((v) => `<option value="${v}"${switches[name] === v ? ' selected' : ''}>${v}</option>`)
      .join('')}</select>
<p class="muted" id="${name}-help">${escapeHtml(help)}</p>`;
  const firstApp = seed.apps[0];
  return renderPage({
    title: 'Sandbox developer console',
    wide: true,
    body: `<div class="card">
<p class="brand">Atlassian sandbox · ${escapeHtml(baseUrl)}</p>
<h1>Sandbox developer console</h1>
<p>A local stand-in for Atlassian's auth server and API gateway. Nothing here is a real credential.</p>

<h2>OAuth apps</h2>
<table><thead><tr><th scope="col">App</th><th scope="col">Client ID</th><th scope="col">Client secret</th><th scope="col">Registered callback URL</th></tr></thead>
<tbody>${apps}</tbody></table>
<p class="muted">Every Confluence scope of the catalogue and <code>read:me</code> are enabled on both apps. Rotate secret gives a bring-your-own app a new secret; the old one is refused at once (401), as at Atlassian.</p>

<h2>Demo users</h2>
<p>Password for every user: ${code('connectdesk')}</p>
<table><thead><tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Sites</th><th scope="col">Demonstrates</th></tr></thead>
<tbody>${users}</tbody></table>

<h2>Switches</h2>
<form method="post" action="/__admin/switches">
${checkbox('offline', 'Offline: every non-admin request is dropped without an answer')}
${checkbox('expireCodesImmediately', 'Authorization codes expire immediately')}
${checkbox('tamperState', 'Callback redirect carries a different state')}
${select('tokenEndpoint', 'Token endpoint', ['normal', 'server-error', 'rate-limited'], 'Every POST /oauth/token answers 503, or 429 with Retry-After.')}
${select('refreshEndpoint', 'Refresh grant', ['normal', 'reject', 'omit-refresh-token'], 'reject: 403 invalid_grant without revoking anything; omit-refresh-token: 200 without refresh_token, the old one keeps working.')}
${select('api', 'API (gateway, accessible-resources, /me)', ['normal', 'rate-limited', 'server-error'], 'Every API call answers 429 with Retry-After and X-RateLimit-* headers, or 503.')}
<label for="grantFewerScopes">Scopes new consents leave out</label>
<input id="grantFewerScopes" name="grantFewerScopes" value="${escapeHtml(switches.grantFewerScopes.join(' '))}" aria-describedby="grantFewerScopes-help">
<p class="muted" id="grantFewerScopes-help">Space-separated; silently missing from new grants, as when an app's scopes were narrowed. Existing grants keep theirs.</p>
<label for="retryAfterSeconds">Retry-After (seconds)</label>
<input id="retryAfterSeconds" name="retryAfterSeconds" type="number" min="0" step="1" value="${retryAfterHeader(switches.retryAfterSeconds)}" aria-describedby="retryAfterSeconds-help">
<p class="muted" id="retryAfterSeconds-help">Sent by both rate-limited switches, as given, however absurd (Atlassian has sent 9223372036854775807).</p>
<div class="actions"><button class="primary" type="submit">Apply switches</button></div>
</form>
<div class="actions">
<form class="inline" method="post" action="/__admin/expire-access-tokens"><button type="submit">Expire access tokens</button></form>
<form class="inline" method="post" action="/__admin/revoke-grants"><button type="submit">Revoke all grants</button></form>
<form class="inline" method="post" action="/__admin/reset"><button type="submit">Reset sandbox</button></form>
</div>

<h2>Endpoints</h2>
<table><tbody>
<tr><th scope="row">Authorize</th><td>${code(`${baseUrl}/authorize`)}</td></tr>
<tr><th scope="row">Token</th><td>${code(`${baseUrl}/oauth/token`)}</td></tr>
<tr><th scope="row">Accessible resources</th><td>${code(`${baseUrl}/oauth/token/accessible-resources`)}</td></tr>
<tr><th scope="row">API gateway</th><td>${code(`${baseUrl}/ex/confluence/{cloudId}/wiki/...`)}</td></tr>
<tr><th scope="row">Admin</th><td>${code('GET|POST /__admin/switches, POST /__admin/reset, POST /__admin/expire-access-tokens, POST /__admin/revoke-grants, POST /__admin/advance-clock {"ms":n}, POST /__admin/rotate-client-secret {"clientId":…,"clientSecret"?:…}, GET /__admin/token-requests')}</td></tr>
</tbody></table>
<pre tabindex="0" aria-label="Example: switch the token endpoint to rate-limited">curl -X POST ${escapeHtml(baseUrl)}/__admin/switches -H 'content-type: application/json' -d '{"tokenEndpoint":"rate-limited"}'</pre>
${firstApp ? `<p class="muted">Example authorize URL: ${code(`${baseUrl}/authorize?audience=api.atlassian.com&client_id=${firstApp.clientId}&scope=read%3Aconfluence-space.summary%20offline_access&redirect_uri=${encodeURIComponent(firstApp.redirectUris[0] ?? '')}&state=xyz&response_type=code&prompt=consent`)}</p>` : ''}
</div>`,
  });
}
