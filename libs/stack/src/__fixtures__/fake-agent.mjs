// A stand-in agent process for the supervisor's own tests: behaves as FAKE_AGENT_MODE says.
const mode = process.env.FAKE_AGENT_MODE ?? 'ready';
const log = (msg, extra = {}) =>
  process.stdout.write(JSON.stringify({ level: 'info', msg, ...extra }) + '\n');
log('starting');
if (mode === 'crash') {
  process.stderr.write('boom: NATS_URL: is not a NATS URL\n');
  process.exit(3);
}
setTimeout(() => log('agent ready', { consumers: 16 }), 50);
process.on('SIGTERM', () => {
  log('draining');
  setTimeout(() => process.exit(0), 20);
});
setInterval(() => undefined, 1_000);
