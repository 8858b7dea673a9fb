// An AWS error to send back. The server renders it in the wire format of the service that was called.

/** An error response: `code` as the service names it (ECS `ThrottlingException`, CloudWatch `Throttling`). */
export class AwsApiError extends Error {
  override readonly name = 'AwsApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** For CloudWatch's `x-amzn-query-error` header: who is at fault. */
    readonly fault: 'Sender' | 'Receiver' = 'Sender',
    /** For CloudWatch: the JSON `__type` of a modelled error, when it differs from `code`. */
    readonly jsonType?: string,
  ) {
    super(message);
  }
}

/** ECS's error for a malformed or out-of-range parameter. */
export function invalidParameter(message: string): AwsApiError {
  return new AwsApiError('InvalidParameterException', message);
}
