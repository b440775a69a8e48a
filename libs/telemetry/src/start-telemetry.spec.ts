// Tracing set-up against a real OTLP/HTTP receiver: spans arrive decoded, with the agent's resource.
import { context, propagation, trace } from '@opentelemetry/api';
import { startOtlpReceiver, type OtlpReceiver } from '@warmline/testing';
import { startTelemetry } from './start-telemetry.js';
import { ATTR, traced } from './traced.js';

let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});

afterAll(async () => {
  await receiver.stop();
});

describe('startTelemetry', () => {
  it('exports spans as OTLP protobuf to the configured endpoint, with the agent as service', async () => {
    const telemetry = startTelemetry({
      service: 'router',
      instance: 'router-7',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint },
    });
    expect(telemetry.tracing).toBe(true);
    await traced('reserve closer', { [ATTR.closerId]: 'c-1' }, async () => {
      await traced('store write', {}, async () => undefined);
    });
    await expect(
      traced(
        'verify grant',
        {},
        async () => Promise.reject(new Error('GRANT_EXPIRED')),
        () => true,
      ),
    ).rejects.toThrow('GRANT_EXPIRED');
    await expect(
      traced('dial', {}, async () => Promise.reject(new Error('socket hang up'))),
    ).rejects.toThrow();
    await telemetry.shutdown();

    const spans = receiver.spans();
    const reserve = spans.find((s) => s.name === 'reserve closer')!;
    const write = spans.find((s) => s.name === 'store write')!;
    expect(reserve).toMatchObject({ service: 'router', attributes: { [ATTR.closerId]: 'c-1' } });
    expect(write.parentSpanId).toBe(reserve.spanId);
    expect(write.traceId).toBe(reserve.traceId);
    // An expected outcome is not an error; a real fault is.
    expect(spans.find((s) => s.name === 'verify grant')?.status).toBe('STATUS_CODE_UNSET');
    expect(spans.find((s) => s.name === 'dial')?.status).toBe('STATUS_CODE_ERROR');
    expect(receiver.failures()).toEqual([]);
    trace.disable();
  });

  it('exports nothing when no endpoint is configured, but still propagates trace context', async () => {
    const before = receiver.spans().length;
    const telemetry = startTelemetry({ service: 'perception', instance: 'p-1', env: {} });
    expect(telemetry).toMatchObject({
      tracing: false,
      description: expect.stringContaining('no OTEL_EXPORTER_OTLP_ENDPOINT'),
    });
    const carrier: Record<string, string> = {};
    const parent = propagation.extract(context.active(), {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    context.with(parent, () => propagation.inject(context.active(), carrier));
    expect(carrier['traceparent']).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    await telemetry.shutdown();
    expect(receiver.spans().length).toBe(before);
  });
});
