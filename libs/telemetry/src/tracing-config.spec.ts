import { DEFAULT_MAX_QUEUE_SIZE, TelemetryConfigError, tracingConfig } from './tracing-config.js';

describe('tracingConfig', () => {
  it('is off by default and on with an OTLP endpoint', () => {
    expect(tracingConfig({})).toMatchObject({
      enabled: false,
      maxQueueSize: DEFAULT_MAX_QUEUE_SIZE,
    });
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' })).toMatchObject({
      enabled: true,
    });
    expect(
      tracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://jaeger:4318/v1/traces' }).enabled,
    ).toBe(true);
  });

  it('honours OTEL_SDK_DISABLED and OTEL_TRACES_EXPORTER=none', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' };
    expect(tracingConfig({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).enabled).toBe(false);
    expect(tracingConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).enabled).toBe(false);
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, /OTEL_TRACES_EXPORTER: only "otlp"/],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' },
      /OTEL_EXPORTER_OTLP_ENDPOINT: "jaeger:4318" is not an http/,
    ],
    [{ OTEL_BSP_MAX_QUEUE_SIZE: 'lots' }, /OTEL_BSP_MAX_QUEUE_SIZE: must be a positive integer/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => tracingConfig(env)).toThrow(TelemetryConfigError);
    expect(() => tracingConfig(env)).toThrow(message);
  });
});
