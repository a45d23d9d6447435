/** A connector described as data: what it asks for and how the UI explains it. */
export type PermissionGroupId = 'update' | 'view' | 'search' | 'stay-connected' | 'other';

export interface ScopeDefinition {
  scope: string;
  /** What the consent screen says this scope allows. */
  description: string;
  group: PermissionGroupId;
  kind: 'classic' | 'granular' | 'oauth';
  /** Preselected on the creation page (the product's default set). */
  default: boolean;
}

export interface PermissionGroup {
  id: PermissionGroupId;
  /** Verb shown on the permissions screen ("Update", "View", ...). */
  label: string;
  summary: string;
}

export interface ConnectorDefinition {
  id: string;
  name: string;
  vendor: string;
  description: string;
  /** Words the connector search matches besides the name. */
  keywords: readonly string[];
  groups: readonly PermissionGroup[];
  scopes: readonly ScopeDefinition[];
}
