import type { GatewayResponse } from './gateway-request.js';
import { EventStreamConnection } from './event-stream-connection.js';

/** The part of a response an event stream uses, recording what was written. */
class RecordingResponse {
  status: number | undefined;
  text = '';
  writableEnded = false;

  writeHead(status: number): this {
    this.status = status;
    return this;
  }

  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }

  end(): void {
    this.writableEnded = true;
  }
}

const asResponse = (recording: RecordingResponse) => recording as unknown as GatewayResponse;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventStreamConnection', () => {
  it('holds frames until it opens, then writes them after the greeting', () => {
    const response = new RecordingResponse();
    const connection = new EventStreamConnection(asResponse(response), 60_000);
    connection.send('data: one\n\n');
    expect(response.text).toBe('');
    connection.open('following call-1');
    connection.send('data: two\n\n');
    expect(response.status).toBe(200);
    expect(response.text).toBe('retry: 3000\n: following call-1\n\ndata: one\n\ndata: two\n\n');
    connection.end();
  });

  it('puts a frame sent first ahead of the frames already held', () => {
    const response = new RecordingResponse();
    const connection = new EventStreamConnection(asResponse(response), 60_000);
    connection.send('id: 7\ndata: replayed\n\n');
    connection.sendFirst('event: gap\ndata: {}\n\n');
    connection.open('resuming');
    expect(response.text).toBe(
      'retry: 3000\n: resuming\n\nevent: gap\ndata: {}\n\nid: 7\ndata: replayed\n\n',
    );
    connection.end();
    connection.sendFirst('event: gap\ndata: {}\n\n');
    expect(response.text.match(/event: gap/g)).toHaveLength(1);
  });

  it('comments while idle and stops once ended, cleaning up exactly once', async () => {
    const response = new RecordingResponse();
    const connection = new EventStreamConnection(asResponse(response), 20);
    let cleanups = 0;
    connection.whenEnded(() => (cleanups += 1));
    connection.open('hello');
    // At least two keep-alive periods, however busy the machine is.
    for (
      let waited = 0;
      waited < 2_000 && (response.text.match(/: keep-alive/g)?.length ?? 0) < 2;
      waited += 10
    ) {
      await sleep(10);
    }
    connection.end();
    connection.end();
    const text = response.text;
    expect(text.match(/: keep-alive\n\n/g)?.length).toBeGreaterThanOrEqual(2);
    expect(cleanups).toBe(1);
    expect(response.writableEnded).toBe(true);
    connection.send('data: late\n\n');
    await sleep(50);
    expect(response.text).toBe(text);
  });

  it('runs a clean-up registered after it ended at once', () => {
    const connection = new EventStreamConnection(asResponse(new RecordingResponse()), 60_000);
    connection.end();
    let cleanups = 0;
    connection.whenEnded(() => (cleanups += 1));
    expect(cleanups).toBe(1);
  });

  it('leaves an abandoned (never opened) response to the error answer', () => {
    const response = new RecordingResponse();
    const connection = new EventStreamConnection(asResponse(response), 60_000);
    connection.abandon();
    connection.send('data: x\n\n');
    expect([response.text, response.writableEnded, response.status]).toEqual([
      '',
      false,
      undefined,
    ]);
  });
});
