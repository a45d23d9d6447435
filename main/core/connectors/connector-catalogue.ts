import type { ConnectorDefinition } from './connector-definition.js';
import { confluenceCloud } from './confluence-cloud.js';
import { AppError } from '../errors/app-error.js';

export const connectorCatalogue: readonly ConnectorDefinition[] = [confluenceCloud];

export function getConnector(id: string): ConnectorDefinition {
  const found = connectorCatalogue.find((c) => c.id === id);
  if (!found) throw new AppError('NOT_FOUND', { detail: `connector ${id}` });
  return found;
}

export function defaultScopes(connector: ConnectorDefinition): string[] {
  return connector.scopes.filter((s) => s.default).map((s) => s.scope);
}

/** Scopes the connector knows, in catalogue order; unknown ones are refused so a typo never reaches Atlassian. */
export function normaliseScopes(connector: ConnectorDefinition, requested: readonly string[]): string[] {
  const wanted = new Set(requested.map((s) => s.trim()).filter(Boolean));
  const unknown = [...wanted].filter((s) => !connector.scopes.some((d) => d.scope === s));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', { message: `Unknown scope: ${unknown.join(', ')}`, detail: unknown.join(' ') });
  }
  return connector.scopes.filter((d) => wanted.has(d.scope)).map((d) => d.scope);
}
