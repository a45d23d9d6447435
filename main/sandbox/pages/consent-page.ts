/** "<app> is requesting access to your Atlassian account", as Atlassian's consent screen reads. */
import { confluenceCloud } from '../../core/connectors/confluence-cloud.js';
import type { SeedUser } from '../sandbox-seed.js';
import { escapeHtml, renderPage } from './page-layout.js';

/** Scopes outside the Confluence catalogue that the sandbox knows how to explain. */
const otherScopeDescriptions: Record<string, string> = {
  'read:me': 'View your Atlassian account profile (name, email, picture).',
  'read:jira-work': 'Read Jira project and issue data.',
  'read:jira-user': 'View Jira user information.',
  'write:jira-work': 'Create and edit Jira issues.',
};

export function describeScope(scope: string): string {
  return (
    confluenceCloud.scopes.find((s) => s.scope === scope)?.description ?? otherScopeDescriptions[scope] ?? 'No description.'
  );
}

export function renderConsentPage(input: {
  requestId: string;
  appLabel: string;
  user: SeedUser;
  scopes: readonly string[];
}): string {
  const request = escapeHtml(input.requestId);
  const scopes = input.scopes
    .map((s) => `<li><code>${escapeHtml(s)}</code><br><span class="muted">${escapeHtml(describeScope(s))}</span></li>`)
    .join('');
  return renderPage({
    title: `${input.appLabel} is requesting access - Atlassian sandbox`,
    body: `<div class="card">
<p class="brand">Atlassian sandbox</p>
<h1>${escapeHtml(input.appLabel)} is requesting access to your Atlassian account</h1>
<div class="account">
<div><strong>${escapeHtml(input.user.displayName)}</strong><br><span class="muted">${escapeHtml(input.user.email)}</span></div>
<a href="/logout?request=${encodeURIComponent(input.requestId)}">Switch account</a>
</div>
<h2 id="permissions-title">It would like to</h2>
<ul class="scopes" aria-labelledby="permissions-title">${scopes}</ul>
<form method="post" action="/consent">
<input type="hidden" name="request" value="${request}">
<div class="actions">
<button type="submit" name="decision" value="cancel">Cancel</button>
<button class="primary" type="submit" name="decision" value="accept">Accept</button>
</div>
</form>
</div>`,
  });
}
