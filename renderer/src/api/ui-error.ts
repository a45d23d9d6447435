import type { ErrorInfoDto } from '../../../preload/contract';

/** An error the UI can show as is: a stable code, a message a person understands, and what to do. */
export class UiError extends Error implements ErrorInfoDto {
  readonly code: string;
  readonly remediation: string;
  readonly detail?: string;

  constructor(info: ErrorInfoDto) {
    super(info.message);
    this.name = 'UiError';
    this.code = info.code;
    this.remediation = info.remediation;
    if (info.detail !== undefined) this.detail = info.detail;
  }

  toInfo(): ErrorInfoDto {
    return { code: this.code, message: this.message, remediation: this.remediation, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

/** Turns anything thrown into error info for a banner. */
export function toErrorInfo(error: unknown): ErrorInfoDto {
  if (error instanceof UiError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'UI_UNEXPECTED',
    message: 'Something went wrong in ConnectDesk.',
    remediation: 'Try again. If it keeps happening, restart ConnectDesk and report the code below.',
    detail: message,
  };
}
