import type { CreationContextDto, ScopeDto } from '../../../../preload/contract';

export type ScopeGroupId = ScopeDto['group'];
export interface ScopeGroup {
  id: ScopeGroupId;
  label: string;
  summary: string;
  scopes: ScopeDto[];
}

/** The connector's groups (in its order) holding the given scopes; empty groups are left out. */
export function groupScopes(context: CreationContextDto, scopes: readonly ScopeDto[]): ScopeGroup[] {
  return context.connector.groups
    .map((group) => ({ ...group, scopes: scopes.filter((s) => s.group === group.id) }))
    .filter((group) => group.scopes.length > 0);
}

export function selectedScopes(context: CreationContextDto, selected: readonly string[]): ScopeDto[] {
  const chosen = new Set(selected);
  return context.connector.scopes.filter((s) => chosen.has(s.scope));
}

/** "Update, View and Search" from the groups that grant access to spaces. */
export function joinLabels(labels: readonly string[]): string[] {
  return labels.flatMap((label, index) => {
    if (index === 0) return [label];
    return [index === labels.length - 1 ? ' and ' : ', ', label];
  });
}
