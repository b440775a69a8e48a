// Nest wiring for an agent's bus: the options, a JetStreamClient to publish with, and the filter
// that lets handler errors reach the JetStream transport unchanged.
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { JetStreamExceptionFilter } from './jetstream-exception.filter.js';
import { JetStreamClient } from './jetstream.client.js';
import type { EventBusOptions } from './options.js';
import { BUS_CLIENT, BUS_OPTIONS } from './tokens.js';

/** Global module: `BusModule.forRoot(options)` once in an agent's root module. */
@Module({})
export class BusModule {
  /** Provides `BUS_OPTIONS`, `BUS_CLIENT` (a `JetStreamClient`) and the JetStream exception filter. */
  static forRoot(options: EventBusOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [
        { provide: BUS_OPTIONS, useValue: options },
        {
          provide: BUS_CLIENT,
          useFactory: (o: EventBusOptions) => new JetStreamClient(o),
          inject: [BUS_OPTIONS],
        },
        { provide: APP_FILTER, useClass: JetStreamExceptionFilter },
      ],
      exports: [BUS_OPTIONS, BUS_CLIENT],
    };
  }
}
