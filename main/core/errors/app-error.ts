import { errorCatalogue, type ErrorCode } from './error-catalogue.js';

/** Plain, serialisable shape of an error: what the UI, logs and bundles show. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  remediation: string;
  /** Extra, non-secret facts (HTTP status, Atlassian's error_description, the scope a check needed). */
  detail?: string;
}

/**
 * Errors are values with a stable code. Throw an AppError where a failure has a known cause;
 * anything else becomes UNEXPECTED at the edge (toErrorInfo).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly remediation: string;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, options: { message?: string; remediation?: string; detail?: string; cause?: unknown } = {}) {
    const entry = errorCatalogue[code];
    super(options.message ?? entry.message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.remediation = options.remediation ?? entry.remediation;
    this.detail = options.detail;
  }

  toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      remediation: this.remediation,
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }
}

/** Rebuilds an error from its stored form (a connection's status reason), keeping its words. */
export function appErrorFromInfo(info: { code: string; message: string; remediation: string; detail?: string | undefined }, fallback: ErrorCode): AppError {
  const code = (Object.hasOwn(errorCatalogue, info.code) ? info.code : fallback) as ErrorCode;
  return new AppError(code, { message: info.message, remediation: info.remediation, ...(info.detail ? { detail: info.detail } : {}) });
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Turns anything thrown into an ErrorInfo without leaking a stack or a secret-bearing message. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isAppError(error)) return error.toInfo();
  return new AppError('UNEXPECTED', {
    detail: error instanceof Error ? error.name : typeof error,
  }).toInfo();
}
