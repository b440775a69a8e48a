// The broker of the local stack: a nats-server started here with deploy/nats's users, or the one
// named by NATS_URL (then WL_NATS_PASSWORD_<USER> must hold the passwords of the users it configures).
import { natsPasswordVariable } from '@warmline/contracts';
import { startNatsServer, type NatsCredentials } from '@warmline/nats-server';

/** Where the stack's processes connect, and as whom. */
export interface StackBroker {
  readonly url: string;
  /** True when this process started the server (and stops it). */
  readonly owned: boolean;
  credentials(user: string): NatsCredentials;
  stop(): Promise<void>;
}

/** Starts a local nats-server with per-agent users, or binds to NATS_URL. */
export async function openBroker(env: NodeJS.ProcessEnv): Promise<StackBroker> {
  const external = env['NATS_URL'];
  if (external) {
    return {
      url: external,
      owned: false,
      credentials: (user) => {
        const variable = natsPasswordVariable(user);
        const pass = env[variable];
        if (!pass) throw new Error(`NATS_URL is set, so ${variable} must hold ${user}'s password`);
        return { user, pass };
      },
      stop: async () => undefined,
    };
  }
  const server = await startNatsServer({ auth: true, name: 'warmline-local' });
  return {
    url: server.url,
    owned: true,
    credentials: (user) => server.credentials(user),
    stop: () => server.stop(),
  };
}
