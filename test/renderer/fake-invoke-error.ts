import type { ErrorInfoDto } from '../../preload/contract';

/** Thrown inside a fake handler; the fake bridge answers `{ ok: false, error: info }` as main does. */
export class InvokeError extends Error {
  constructor(readonly info: ErrorInfoDto) {
    super(info.message);
  }
}

export function notFound(what: 'folder' | 'connection'): InvokeError {
  return what === 'folder'
    ? new InvokeError({ code: 'FOLDER_NOT_FOUND', message: 'The folder no longer exists.', remediation: 'Refresh the folder list.' })
    : new InvokeError({ code: 'CONNECTION_NOT_FOUND', message: 'The connection no longer exists.', remediation: 'Refresh the list.' });
}

export function validationFailed(message: string, remediation: string): InvokeError {
  return new InvokeError({ code: 'VALIDATION_FAILED', message, remediation });
}
