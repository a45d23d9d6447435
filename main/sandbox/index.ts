/** Public entry of the sandbox. main/core never imports this; tests and the dev shell do. */
export { startSandbox, isLoopbackHost } from './sandbox-server.js';
export type {
  SandboxControl,
  SandboxHandle,
  SandboxOptions,
  SandboxSwitches,
  TokenRequestRecord,
  RevokeGrantFilter,
} from './sandbox-api.js';
export { DEFAULT_SWITCHES } from './sandbox-api.js';
export { loadDefaultSeed, parseSeed, type SandboxSeed } from './sandbox-seed.js';
