// Dependency-injection tokens and the transport id: unique symbols, so nothing can collide with them.

/** Transport id of `JetStreamServer` (Nest's `transportId`). */
export const JETSTREAM_TRANSPORT: unique symbol = Symbol('warmline.bus.jetstream');

/** Injects the `EventBusOptions` given to `BusModule.forRoot`. */
export const BUS_OPTIONS: unique symbol = Symbol('warmline.bus.options');

/** Injects the agent's `JetStreamClient` (a Nest `ClientProxy`). */
export const BUS_CLIENT: unique symbol = Symbol('warmline.bus.client');
