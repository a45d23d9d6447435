import type { ErrorInfoDto } from '../../preload/contract';

/** Thrown inside a fake handler; the fake bridge answers `{ ok: false, error: info }` as main does. */
export class InvokeError extends Error {
  constructor(readonly info: ErrorInfoDto) {
    super(info.message);
  }
}

/** Main answers NOT_FOUND for every missing item (error catalogue); so does the fake. */
export function notFound(what: 'folder' | 'connection' | 'asset'): InvokeError {
  return new InvokeError({ code: 'NOT_FOUND', message: `That ${what} no longer exists.`, remediation: 'Refresh the list and try again.' });
}

export function validationFailed(message: string, remediation: string): InvokeError {
  return new InvokeError({ code: 'VALIDATION_FAILED', message, remediation });
}
