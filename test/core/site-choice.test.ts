import { describe, expect, it } from 'vitest';
import { confluenceSites, type AccessibleResource } from '../../main/core/atlassian/accessible-resources.js';

const jira: AccessibleResource = { id: 'j', name: 'Tracker', url: 'https://tracker.atlassian.net', scopes: ['read:jira-work'] };
const docs: AccessibleResource = { id: 'd', name: 'Docs', url: 'https://docs.atlassian.net', scopes: ['search:confluence'] };
const acme: AccessibleResource = { id: 'a', name: 'Acme', url: 'https://acme.atlassian.net', scopes: ['read:confluence-space.summary'] };

describe('site choice (A2, A3)', () => {
  it('A2: keeps only Confluence sites, in the same order whatever order Atlassian answers in', () => {
    const orders = [[jira, docs, acme], [acme, jira, docs], [docs, acme, jira]];
    for (const order of orders) expect(confluenceSites(order).map((s) => s.cloudId)).toEqual(['a', 'd']);
  });

  it('A3: an empty list or only other products → NO_CONFLUENCE_SITE with the site-admin hint', () => {
    for (const list of [[], [jira]]) {
      expect(() => confluenceSites(list)).toThrow(expect.objectContaining({ code: 'NO_CONFLUENCE_SITE', remediation: expect.stringMatching(/site admin/) }));
    }
  });
});
