import type {
  ConnectDeskBridge,
  EventChannel,
  EventOf,
  InvokeChannel,
  RequestOf,
  ResponseOf,
} from '../../../preload/contract';
import { UiError } from './ui-error';

function bridge(): ConnectDeskBridge {
  const candidate = (window as Partial<Window>).connectdesk;
  if (!candidate) {
    throw new UiError({
      code: 'BRIDGE_UNAVAILABLE',
      message: 'ConnectDesk cannot reach its background service.',
      remediation: 'Restart ConnectDesk. If you opened this page in a browser, open it through the ConnectDesk shell.',
    });
  }
  return candidate;
}

/** Calls main and returns the value, or throws a UiError carrying code, message and remediation. */
export async function invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  let result;
  try {
    result = await bridge().invoke(channel, request);
  } catch (error) {
    if (error instanceof UiError) throw error;
    throw new UiError({
      code: 'BRIDGE_FAILED',
      message: 'ConnectDesk could not complete the request.',
      remediation: 'Try again. If it keeps happening, restart ConnectDesk.',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (result.ok) return result.value;
  throw new UiError(result.error);
}

/** Subscribes to an event from main; returns the unsubscribe function. Safe when no bridge exists. */
export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  const candidate = (window as Partial<Window>).connectdesk;
  if (!candidate) return () => undefined;
  return candidate.on(event, listener);
}
