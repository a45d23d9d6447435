import type { RequestOf, ResponseOf } from '../../../preload/contract.js';
import type { IpcContext } from '../ipc-context.js';

const ENVIRONMENTS = [
  { id: 'atlassian-cloud', label: 'Atlassian Cloud', description: 'Your real Confluence Cloud sites at auth.atlassian.com and api.atlassian.com.' },
  { id: 'sandbox', label: 'Sandbox', description: 'A local, simulated Atlassian with demo accounts and sites, for trying ConnectDesk and reproducing problems. Nothing leaves this computer.' },
] as const;

export async function getAppInfo(ctx: IpcContext, _request: RequestOf<'app:get-info'>): Promise<ResponseOf<'app:get-info'>> {
  return {
    name: 'ConnectDesk',
    version: ctx.host.version,
    host: ctx.host.kind,
    platform: ctx.host.platform,
    secretProtection: await ctx.host.describeSecretProtection(),
  };
}

export function getSettings(ctx: IpcContext, _request: RequestOf<'settings:get'>): ResponseOf<'settings:get'> {
  return { environmentId: ctx.services.settings.environmentId(), environments: [...ENVIRONMENTS] };
}

export async function setEnvironment(ctx: IpcContext, request: RequestOf<'settings:set-environment'>): Promise<ResponseOf<'settings:set-environment'>> {
  ctx.services.settings.setEnvironmentId(request.environmentId);
  await ctx.environments.onChanged?.(request.environmentId);
  return getSettings(ctx, {});
}

export async function openSandboxHelp(ctx: IpcContext, _request: RequestOf<'sandbox:open-help'>): Promise<ResponseOf<'sandbox:open-help'>> {
  await ctx.environments.openSandboxHelp();
  return { ok: true };
}
