import { expect } from 'vitest';
import { AppError } from '../../main/core/errors/app-error.js';

/** The AppError a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
