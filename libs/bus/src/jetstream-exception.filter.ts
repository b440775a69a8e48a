// Nest turns a handler's exception into `{ status, message: 'Internal server error' }` before a
// transport sees it. On the JetStream transport the original error decides the settlement (a
// PermanentHandlerError dead-letters at once) and its text goes into the dead-letter record, so
// this filter hands it through unchanged. Other transports keep Nest's default behaviour.
import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { JetStreamContext } from './jetstream.context.js';

/** Passes handler errors on the JetStream transport through to it untouched. */
@Catch()
export class JetStreamExceptionFilter extends BaseRpcExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (host.getType() === 'rpc' && host.switchToRpc().getContext() instanceof JetStreamContext) {
      return throwError(() => exception);
    }
    return super.catch(exception, host) as Observable<never>;
  }
}
