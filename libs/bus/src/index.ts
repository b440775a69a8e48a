// Public face of @warmline/bus: the JetStream event bus (plain and as a NestJS transport + client),
// stream declarations for provisioning, and the errors callers may branch on.
export * from './constants.js';
export {
  BusError,
  DuplicateHandlerError,
  InvalidBusOptionsError,
  InvalidHandlerPatternError,
  NotConnectedError,
  PermanentHandlerError,
  type PermanentFailureReason,
  PublishFailedError,
  RequestReplyNotSupportedError,
  StreamsNotReadyError,
  type BusErrorCode,
  type StreamProblem,
} from './errors.js';
export {
  provisionStreams,
  streamConfig,
  streamName,
  verifyStreams,
  type StreamProvisioningOptions,
  type StreamProvisioningReport,
} from './streams.js';
export { connectBus, type BusConnectionOptions } from './connection.js';
export { EventBus, type BusHealth } from './event-bus.js';
export type { LatestHandler, LatestWatch } from './latest-watch.js';
export type { EventBusOptions } from './options.js';
export type {
  EnvelopeInit,
  ProducerIdentity,
  PublishReceipt,
  EventPublisher,
} from './publisher.js';
export type { Delivery, EnvelopeHandler } from './delivery.js';
export type { DeadLetterReason } from './settlement.js';
export type { BusObserver, SettledMessage } from './observer.js';
export { exponentialBackoff, type RetryPolicy } from './retry-policy.js';
export type { BusLogger } from './logger.js';
export {
  extractTraceContext,
  injectTraceContext,
  natsHeadersGetter,
  natsHeadersSetter,
} from './trace-context.js';
export {
  ProtobufEnvelopeDeserializer,
  ProtobufEnvelopeSerializer,
  type EnvelopeDeserializer,
  type EnvelopeSerializer,
} from './codec.js';
export {
  JetStreamServer,
  type JetStreamEvents,
  type JetStreamServerOptions,
  type JetStreamStatus,
} from './jetstream.server.js';
export { JetStreamContext } from './jetstream.context.js';
export { JetStreamClient } from './jetstream.client.js';
export { JetStreamExceptionFilter } from './jetstream-exception.filter.js';
export { BusModule } from './bus.module.js';
export { OnFamily } from './family-handler.decorator.js';
export { BUS_CLIENT, BUS_OPTIONS, JETSTREAM_TRANSPORT } from './tokens.js';
