/** Stable codes of the errors this library throws; they match DeadLetterReason names. */
export type ContractErrorCode = 'DECODE_FAILED' | 'VALIDATION_FAILED';

/** Base class of every error thrown by @warmline/contracts. */
export abstract class ContractError extends Error {
  abstract readonly code: ContractErrorCode;
}

/** The bytes are not a valid protobuf Envelope (truncated, wrong wire type, bad UTF-8...). */
export class ContractDecodeError extends ContractError {
  readonly code = 'DECODE_FAILED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContractDecodeError';
  }
}

/** The message decoded (or was built) but breaks a contract rule; `field` names the offending field. */
export class ContractValidationError extends ContractError {
  readonly code = 'VALIDATION_FAILED';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContractValidationError';
  }
}

/** True when `err` is one of this library's errors (decode or validation). */
export function isContractError(err: unknown): err is ContractError {
  return err instanceof ContractError;
}
