import { eventContract } from '../../preload/contract.js';
import type { ServiceEvent } from '../core/services/service-events.js';
import type { EventSink } from './bridge-types.js';

/**
 * Turns a core event into a contract event on its way to the renderer. The schema strips any
 * field the contract does not name, the same guarantee invoke answers get.
 */
export function createEventPublisher(sink: EventSink): (event: ServiceEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'auth:progress':
        return sink('auth:progress', eventContract['auth:progress'].parse(event.payload));
      case 'connections:changed':
        return sink('connections:changed', eventContract['connections:changed'].parse(event.payload));
    }
  };
}
