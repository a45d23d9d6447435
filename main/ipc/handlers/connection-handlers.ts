import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import { connectorCatalogue, getConnector } from '../../core/connectors/connector-catalogue.js';
import { toConnectionSummary } from '../../core/services/connection-summary.js';
import { nowOf } from '../../core/services/service-context.js';
import type { IpcContext } from '../ipc-context.js';

export function listConnectors(_ctx: IpcContext, _request: RequestOf<'connectors:list'>): ResponseOf<'connectors:list'> {
  return connectorCatalogue.map(({ id, name, vendor, description, keywords }) => ({ id, name, vendor, description, keywords: [...keywords] }));
}

export async function getCreationContext(ctx: IpcContext, request: RequestOf<'connections:creation-context'>): Promise<ResponseOf<'connections:creation-context'>> {
  const connector = getConnector(request.connectorId);
  const environment = await ctx.services.resolveEnvironment(ctx.services.settings.environmentId());
  return {
    connector: {
      id: connector.id,
      name: connector.name,
      vendor: connector.vendor,
      description: connector.description,
      keywords: [...connector.keywords],
      groups: connector.groups.map((g) => ({ ...g })),
      scopes: connector.scopes.map((s) => ({ ...s })),
    },
    environment: { id: environment.id, label: environment.label },
    callbackUrl: environment.callbackUrl,
    managedApp: environment.managedApp
      ? { available: true, label: environment.managedApp.label }
      : { available: false, label: 'No managed OAuth app is configured for this environment' },
    sandboxHelp: ctx.environments.sandboxHelp(environment),
  };
}

export function listConnections(ctx: IpcContext, request: RequestOf<'connections:list'>): ResponseOf<'connections:list'> {
  const now = nowOf(ctx.services);
  const { checking } = ctx.connections.checker;
  const { store } = ctx.services;
  const assets = store.listAssets();
  return store.listConnections(request.folderId).map((record) => toConnectionSummary(record, now, { checking: checking.has(record.id), assets }));
}

export function beginAuthorization(ctx: IpcContext, request: RequestOf<'connections:begin-authorization'>): ResponseOf<'connections:begin-authorization'> {
  return ctx.connections.coordinator.begin(request);
}

export function cancelAuthorization(ctx: IpcContext, request: RequestOf<'connections:cancel-authorization'>): ResponseOf<'connections:cancel-authorization'> {
  ctx.connections.coordinator.cancel(request.attemptId);
  return { ok: true };
}

export function chooseSite(ctx: IpcContext, request: RequestOf<'connections:choose-site'>): ResponseOf<'connections:choose-site'> {
  ctx.connections.coordinator.chooseSite(request.attemptId, request.cloudId);
  return { ok: true };
}
