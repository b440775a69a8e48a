import { BadRequestException, NotFoundException } from '@nestjs/common';
import { NotConnectedError, PublishFailedError } from '@warmline/bus';
import { StoreUnavailableError } from '@warmline/store';
import { ConflictError, RequestInvalidError } from './api-errors.js';
import { errorAnswerOf } from './error-response.filter.js';

describe('errorAnswerOf', () => {
  it('answers the gateway errors as they are, with the field', () => {
    expect(errorAnswerOf(new RequestInvalidError('eventId: is required', 'eventId'))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'eventId: is required',
      field: 'eventId',
    });
    expect(errorAnswerOf(new ConflictError('RESERVATION_ALREADY_ANSWERED', 'x'))).toMatchObject({
      status: 409,
    });
  });

  it('answers an unreachable bus or store with 503', () => {
    const publish = new PublishFailedError('wl.perception.3.call-1', 'ev-1', new Error('TIMEOUT'));
    expect(errorAnswerOf(publish)).toMatchObject({ status: 503, code: 'BUS_UNAVAILABLE' });
    expect(errorAnswerOf(new NotConnectedError('publish'))).toMatchObject({ status: 503 });
    const store = new StoreUnavailableError('intents.get', new Error('timed out'));
    expect(errorAnswerOf(store)).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE' });
  });

  it("maps the body parser's and the router's errors", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
    });
    expect(errorAnswerOf(tooLarge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(errorAnswerOf(new BadRequestException('Unexpected end of JSON input'))).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
    });
    expect(errorAnswerOf(new NotFoundException('Cannot GET /x'))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /x',
    });
  });

  it('never lets an unexpected error reach the caller', () => {
    const answer = errorAnswerOf(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    expect(answer).toEqual({ status: 500, code: 'INTERNAL', message: 'internal error (logged)' });
  });
});
