// The image's HEALTHCHECK: GET /healthz on WARMLINE_HTTP_PORT (the agents' health server, the
// gateway's API port). Exit 0 when it answers 2xx, 1 otherwise. With WARMLINE_HTTP_PORT empty or 0
// there is no fixed endpoint to ask (a CLI such as the simulator), so liveness is the process itself.
// The slim base image has no curl or wget; Node's fetch needs nothing else.
const TIMEOUT_MS = 2_000;

const port = (process.env.WARMLINE_HTTP_PORT ?? '').trim();
if (port === '' || port === '0') process.exit(0);

try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) console.error(`/healthz answered ${response.status}`);
  process.exit(response.ok ? 0 : 1);
} catch (err) {
  console.error(
    `/healthz unreachable on port ${port}: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
}
