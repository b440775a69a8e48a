// One open server-sent-events response: frames sent before it opens are held and flushed on open,
// a comment keeps it alive while idle, and it ends exactly once (running its clean-up).
import type { GatewayResponse } from './gateway-request.js';

/** How long a browser's EventSource waits before reconnecting, ms (sent as `retry:`). */
export const SSE_RETRY_MS = 3_000;

export class EventStreamConnection {
  private opened = false;
  private ended = false;
  private readonly held: string[] = [];
  private readonly keepAlive: NodeJS.Timeout;
  private cleanup: (() => void) | null = null;

  constructor(
    private readonly response: GatewayResponse,
    keepAliveMs: number,
  ) {
    this.keepAlive = setInterval(() => this.comment('keep-alive'), keepAliveMs);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Writes the headers and a greeting comment, then whatever was sent before. */
  open(greeting: string): void {
    if (this.ended) return;
    this.response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    this.response.write(`retry: ${SSE_RETRY_MS}\n: ${greeting}\n\n`);
    this.opened = true;
    for (const frame of this.held.splice(0)) this.response.write(frame);
  }

  /** Sends one complete frame (held until the stream is open). */
  send(frame: string): void {
    if (this.ended) return;
    if (this.opened) this.response.write(frame);
    else this.held.push(frame);
  }

  /** Sends one frame ahead of every frame held so far (as `send` once the stream is open). */
  sendFirst(frame: string): void {
    if (this.ended) return;
    if (this.opened) this.response.write(frame);
    else this.held.unshift(frame);
  }

  /** Runs `cleanup` when the stream ends (at once if it already has). */
  whenEnded(cleanup: () => void): void {
    if (this.ended) cleanup();
    else this.cleanup = cleanup;
  }

  /** Ends the stream; later calls do nothing. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.keepAlive);
    this.cleanup?.();
    if (!this.response.writableEnded) this.response.end();
  }

  /** Stops the keep-alive of a stream that never opened, leaving the response to an error answer. */
  abandon(): void {
    this.ended = true;
    clearInterval(this.keepAlive);
  }

  private comment(text: string): void {
    if (this.opened && !this.ended) this.response.write(`: ${text}\n\n`);
  }
}
