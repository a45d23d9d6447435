import type { IpcContext } from '../../main/ipc/ipc-context.js';
import type { Harness } from './core-harness.js';

/** The IPC context the app would build, around a core test harness. */
export function ipcContextFor(h: Harness): IpcContext {
  return {
    services: h.ctx,
    connections: h.services,
    security: h.session,
    host: { kind: 'browser-shell', version: '1.0.0', platform: 'linux', describeSecretProtection: async () => 'test key' },
    environments: { sandboxHelp: () => 'help', openSandboxHelp: async () => undefined },
  };
}
