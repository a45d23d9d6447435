import { invokeContract, isInvokeChannel, type InvokeChannel, type InvokeResult } from '../../preload/contract.js';
import { AppError, toErrorInfo } from '../core/errors/app-error.js';
import type { InvokeDispatcher } from './bridge-types.js';
import { handlerRegistry, type Handler, type HandlerRegistry } from './handler-registry.js';
import type { IpcContext } from './ipc-context.js';

/** What the renderer may ask while the store is locked: enough to show the unlock screen and unlock. */
const ANSWERED_WHILE_LOCKED: ReadonlySet<InvokeChannel> = new Set(['app:get-info', 'settings:get', 'security:get-status', 'security:unlock']);

/**
 * Validates every request with the contract's schema before a handler sees it, and every answer
 * on the way out: zod strips fields the contract does not name, so a handler that returned a
 * record by mistake still could not hand a sealed secret or token to the renderer.
 */
export function createInvokeDispatcher(ctx: IpcContext, registry: HandlerRegistry = handlerRegistry): InvokeDispatcher {
  return async (channel: InvokeChannel, rawRequest: unknown): Promise<InvokeResult<unknown>> => {
    try {
      if (!isInvokeChannel(channel)) throw new AppError('FORBIDDEN_SENDER', { detail: 'unknown channel' });
      // Locked: refuse here, in one place, rather than have each handler fail half-way on the vault.
      if (ctx.security.locked && !ANSWERED_WHILE_LOCKED.has(channel)) throw ctx.security.lockedError();
      const contract = invokeContract[channel];
      const parsed = contract.request.safeParse(rawRequest ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new AppError('VALIDATION_FAILED', {
          message: first?.message ?? 'The request is not valid.',
          detail: parsed.error.issues.map((i) => i.path.join('.') || '(request)').join(', '),
        });
      }
      const handler = registry[channel] as Handler<typeof channel>;
      const value = await handler(ctx, parsed.data as never);
      return { ok: true, value: contract.response.parse(value) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
