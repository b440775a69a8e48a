// Nest turns a handler's exception into `{ status, message: 'Internal server error' }` before a
// transport sees it. On the JetStream transport the original error decides the settlement (a
// PermanentHandlerError dead-letters at once) and its text goes into the dead-letter record, so
// this filter hands it through unchanged. Other RPC transports keep Nest's default behaviour, and
// so does HTTP: an app that serves HTTP and publishes on the bus (the gateway) answers errors as
// Nest always does instead of hanging on an RPC-style reply.
import { Catch, Inject, Optional, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { JetStreamContext } from './jetstream.context.js';

/** Passes handler errors on the JetStream transport through to it untouched. */
@Catch()
export class JetStreamExceptionFilter extends BaseRpcExceptionFilter {
  constructor(@Optional() @Inject(HttpAdapterHost) private readonly adapterHost?: HttpAdapterHost) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (host.getType() === 'rpc' && host.switchToRpc().getContext() instanceof JetStreamContext) {
      return throwError(() => exception);
    }
    if (host.getType() === 'http' && this.adapterHost?.httpAdapter) {
      new BaseExceptionFilter(this.adapterHost.httpAdapter).catch(exception, host);
      return undefined as never;
    }
    return super.catch(exception, host) as Observable<never>;
  }
}
