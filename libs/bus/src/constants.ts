// Every bus default lives here, with its unit in the name, so options are read in one place.

/** How long the server waits for an ack before redelivering (a crashed or stuck handler). */
export const ACK_WAIT_MS = 30_000;

/** Deliveries of one message before the bus dead-letters it with MAX_DELIVERIES_EXCEEDED. */
export const MAX_DELIVER = 5;

/** First redelivery delay after a handler failure; doubled per delivery up to the cap. */
export const RETRY_BASE_DELAY_MS = 1_000;

/** Longest redelivery delay after a handler failure. */
export const RETRY_MAX_DELAY_MS = 30_000;

/** A long handler tells the server it is still working this often (a fraction of the ack wait). */
export const WORKING_INTERVAL_FRACTION = 1 / 3;

/** JetStream de-duplication window for `Nats-Msg-Id` (docs/bus.md: 2 minutes). */
export const DUPLICATE_WINDOW_MS = 120_000;

/** How long a closing consumer waits for the handler in flight before draining anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** How long a publish waits for the stream's PubAck. */
export const PUBLISH_TIMEOUT_MS = 5_000;

/** Base wait between reconnect attempts; the client adds up to RECONNECT_JITTER_MS at random. */
export const RECONNECT_TIME_WAIT_MS = 2_000;

/** Random extra wait between reconnect attempts, so replicas do not reconnect in lock-step. */
export const RECONNECT_JITTER_MS = 1_000;

/** Stream replicas when the provisioning step is not told otherwise (one-machine deployment). */
export const STREAM_REPLICAS = 1;

/** Header carrying the event id; JetStream de-duplicates on it. */
export const MSG_ID_HEADER = 'Nats-Msg-Id';

/** Header naming the `Envelope.body` case, for humans reading a stream. */
export const TYPE_HEADER = 'Warmline-Type';
