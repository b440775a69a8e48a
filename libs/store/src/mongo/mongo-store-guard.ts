// Runs the MongoDB adapter's operations. The lifecycle and the rule "no driver error crosses the port"
// are the adapter-neutral StoreGuard's (refused once closed; in-flight work awaited on close; any error
// that is not a store error becomes StoreUnavailableError carrying it as `cause`). One server answer is
// not worth retrying and is named here: a validator refusing what the adapter wrote.
import { StoreGuard } from '../kv/store-guard.js';
import { StoreNotProvisionedError } from '../port/errors.js';
import { isDocumentValidationFailure } from './mongo-errors.js';

export class MongoStoreGuard {
  readonly #guard = new StoreGuard();

  get closed(): boolean {
    return this.#guard.closed;
  }

  /** Marks the store closed; returns false when it already was. */
  close(): boolean {
    return this.#guard.close();
  }

  /** Resolves once every operation started before now has finished. */
  settled(): Promise<void> {
    return this.#guard.settled();
  }

  /** Runs `operation` unless the store is closed, translating driver errors. */
  run<T>(name: string, operation: () => Promise<T>): Promise<T> {
    return this.#guard.run(name, async () => {
      try {
        return await operation();
      } catch (err) {
        // The collections' validators and this adapter disagree (provisioned by another version):
        // retrying cannot help, the deployment must provision or migrate the validators.
        if (isDocumentValidationFailure(err)) {
          throw new StoreNotProvisionedError(
            `a collection validator that accepts what ${name} writes`,
            { cause: err },
          );
        }
        throw err;
      }
    });
  }
}
