import type { ConnectorDefinition, ScopeDefinition } from './connector-definition.js';

const classic = (
  scope: string,
  description: string,
  group: ScopeDefinition['group'],
  isDefault = false,
): ScopeDefinition => ({ scope, description, group, kind: 'classic', default: isDefault });

const granular = (scope: string, description: string, group: ScopeDefinition['group']): ScopeDefinition => ({
  scope,
  description,
  group,
  kind: 'granular',
  default: false,
});

/**
 * Confluence Cloud. The six default permissions and their descriptions come from the seed page
 * (which misspells read:confluence-content.summary; this is the real scope).
 */
export const confluenceCloud: ConnectorDefinition = {
  id: 'confluence-cloud',
  name: 'Confluence Cloud',
  vendor: 'Atlassian',
  description: 'Read, search and update pages, spaces and attachments in Confluence Cloud.',
  keywords: ['atlassian', 'wiki', 'pages', 'spaces', 'confluence'],
  groups: [
    { id: 'update', label: 'Update', summary: 'Create and update content and upload attachments in your Confluence spaces.' },
    { id: 'view', label: 'View', summary: 'View your Confluence spaces and their content.' },
    { id: 'search', label: 'Search', summary: 'Search your Confluence spaces.' },
    { id: 'stay-connected', label: 'Stay connected', summary: 'Keep this connection working without signing in again.' },
    { id: 'other', label: 'Other', summary: 'Further Confluence permissions you selected.' },
  ],
  scopes: [
    classic('write:confluence-file', 'Upload attachments.', 'update', true),
    classic('read:confluence-space.summary', 'Read a summary of space information without expansions.', 'view', true),
    classic('write:confluence-content', 'Create and update content and its associated properties.', 'update', true),
    classic(
      'read:confluence-content.summary',
      'Read a summary of the content, which is the content without expansions. APIs using this scope may also return data allowed by read:confluence-space.summary. However, this scope is not a substitute for read:confluence-space.summary.',
      'view',
      true,
    ),
    classic(
      'search:confluence',
      'Search Confluence. APIs using this scope may also return data allowed by read:confluence-space.summary and read:confluence-content.summary. However, this scope is not a substitute for read:confluence-space.summary or read:confluence-content.summary.',
      'search',
      true,
    ),
    { scope: 'offline_access', description: 'Stay connected: lets ConnectDesk refresh access without asking you to sign in again.', group: 'stay-connected', kind: 'oauth', default: true },
    classic('read:confluence-content.all', 'Read all content, including content body (expansions permitted).', 'view'),
    classic('write:confluence-space', 'Create, update and delete space information.', 'update'),
    classic('read:confluence-props', 'Read content properties.', 'view'),
    classic('write:confluence-props', 'Write content properties.', 'update'),
    classic('manage:confluence-configuration', 'Manage global settings.', 'other'),
    classic('read:confluence-content.permission', 'View content permission in Confluence.', 'view'),
    classic('read:confluence-user', 'View user information in Confluence that you have access to.', 'view'),
    classic('read:confluence-groups', 'Read user groups.', 'view'),
    classic('write:confluence-groups', 'Create, update and delete user groups.', 'update'),
    classic('readonly:content.attachment:confluence', 'Download attachments of Confluence pages and blogs.', 'view'),
    granular('read:page:confluence', 'View pages.', 'view'),
    granular('write:page:confluence', 'Create and update pages.', 'update'),
    granular('delete:page:confluence', 'Delete pages.', 'update'),
    granular('read:space:confluence', 'View space details.', 'view'),
    granular('write:space:confluence', 'Create and update spaces.', 'update'),
    granular('read:space-details:confluence', 'View space details including properties and permissions.', 'view'),
    granular('read:content:confluence', 'View content.', 'view'),
    granular('read:content-details:confluence', 'View content details.', 'search'),
    granular('read:attachment:confluence', 'View attachments.', 'view'),
    granular('write:attachment:confluence', 'Create and update attachments.', 'update'),
    granular('read:comment:confluence', 'View comments.', 'view'),
    granular('read:label:confluence', 'View labels.', 'view'),
    granular('read:blogpost:confluence', 'View blog posts.', 'view'),
    granular('read:user:confluence', 'View user details.', 'view'),
    granular('read:hierarchical-content:confluence', 'View content hierarchy.', 'view'),
  ],
};
