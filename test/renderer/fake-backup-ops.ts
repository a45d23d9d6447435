import type { RequestOf, ResponseOf } from '../../preload/contract';
import { InvokeError } from './fake-invoke-error';

/** In-memory backups for the fake bridge. TODO(issue 4, backup helper). */
export class FakeBackups {
  export(_request: RequestOf<'backup:export'>): ResponseOf<'backup:export'> {
    throw new InvokeError({ code: 'UNEXPECTED', message: 'not implemented', remediation: '' });
  }
  preview(_request: RequestOf<'backup:preview'>): ResponseOf<'backup:preview'> {
    throw new InvokeError({ code: 'UNEXPECTED', message: 'not implemented', remediation: '' });
  }
  import(_request: RequestOf<'backup:import'>): ResponseOf<'backup:import'> {
    throw new InvokeError({ code: 'UNEXPECTED', message: 'not implemented', remediation: '' });
  }
  discard(_request: RequestOf<'backup:discard'>): ResponseOf<'backup:discard'> {
    return { ok: true };
  }
}
