/** Shared assertion for extractor tests: the promise rejects with an `IngestError` of this reason. */
import { IngestError, type IngestFailureReason } from '../../../src/errors.js';

/** Awaits the rejection and checks its reason; returns the error for further checks. */
export async function expectIngestError(
  promise: Promise<unknown>,
  reason: IngestFailureReason,
): Promise<IngestError> {
  const error: unknown = await promise.then(
    () => new Error(`expected IngestError('${reason}'), but the promise resolved`),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(IngestError);
  expect((error as IngestError).reason).toBe(reason);
  return error as IngestError;
}
