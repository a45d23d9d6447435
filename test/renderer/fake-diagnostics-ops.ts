import type { RequestOf, ResponseOf } from '../../preload/contract';
import { InvokeError } from './fake-invoke-error';

/** Diagnostics for the fake bridge. TODO(issue 5, diagnostics view helper). */
export class FakeDiagnostics {
  get(_request: RequestOf<'diagnostics:get'>): ResponseOf<'diagnostics:get'> {
    throw new InvokeError({ code: 'UNEXPECTED', message: 'not implemented', remediation: '' });
  }
  exportBundle(_request: RequestOf<'diagnostics:export-bundle'>): ResponseOf<'diagnostics:export-bundle'> {
    throw new InvokeError({ code: 'UNEXPECTED', message: 'not implemented', remediation: '' });
  }
}
