/**
 * The channel names alone, without schemas, so the sandboxed preload stays small (no zod).
 * contract.ts checks at compile time that these lists equal its contract's keys.
 */
export const INVOKE_CHANNELS = [
  'app:get-info',
  'settings:get',
  'settings:set-environment',
  'sandbox:open-help',
  'folders:list',
  'folders:create',
  'connectors:list',
  'connections:creation-context',
  'connections:list',
  'connections:begin-authorization',
  'connections:cancel-authorization',
  'connections:choose-site',
  'connections:check',
  'folders:rename',
  'folders:move',
  'folders:delete',
  'connections:update',
  'connections:make-default',
  'connections:move',
  'connections:delete',
  'connections:check-folder',
  'assets:list',
  'assets:create',
  'assets:update',
  'assets:delete',
  'security:get-status',
  'security:unlock',
  'security:set-recovery-passphrase',
  'security:remove-recovery-passphrase',
  'backup:export',
  'backup:preview',
  'backup:import',
  'backup:discard',
  'diagnostics:get',
  'diagnostics:export-bundle',
] as const;

export const EVENT_CHANNELS = ['auth:progress', 'connections:changed'] as const;

export type InvokeChannelName = (typeof INVOKE_CHANNELS)[number];
export type EventChannelName = (typeof EVENT_CHANNELS)[number];

export function isInvokeChannel(value: unknown): value is InvokeChannelName {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}
export function isEventChannel(value: unknown): value is EventChannelName {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
