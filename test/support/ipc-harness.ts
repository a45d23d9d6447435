import { createInvokeDispatcher } from '../../main/ipc/invoke-dispatcher.js';
import type { InvokeDispatcher } from '../../main/ipc/bridge-types.js';
import type { IpcContext } from '../../main/ipc/ipc-context.js';
import type { Harness } from './core-harness.js';
import { harnessPerTest, type SandboxHarness } from './harness-per-test.js';

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

export interface IpcHarness extends SandboxHarness {
  /** The app's dispatcher over ipcContextFor(h): the one path from the renderer to core. */
  dispatch: InvokeDispatcher;
}

/** harnessPerTest, with the invoke dispatcher the renderer would call. */
export function ipcHarnessPerTest(use: (started: IpcHarness) => void): void {
  harnessPerTest(({ sandbox, h }) => use({ sandbox, h, dispatch: createInvokeDispatcher(ipcContextFor(h)) }));
}
