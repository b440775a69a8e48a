// Public face of @warmline/stack: the pieces of a running Warmline — its broker (started here with
// deploy/nats's users, or NATS_URL), the provisioning step, and agents as their own processes. Used by
// `npm start` and by the end-to-end tests, so both run the system exactly as it is deployed.
export { openBroker, type StackBroker } from './broker.js';
export { provision, type ProvisionOptions, type ProvisionSummary } from './provision.js';
export {
  AGENT_READY_MESSAGE,
  startAgentProcess,
  type AgentProcess,
  type AgentProcessOptions,
} from './agent-process.js';
