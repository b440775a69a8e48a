// The first error that must stop a campaign (a publish the broker refused, a timer that threw),
// raised wherever it happens and awaited where the campaign waits.

/** Collects the campaign's fatal error. */
export class CampaignAbort {
  /** Rejects with the first error passed to fail(). */
  readonly failed: Promise<never>;
  private error: unknown = null;
  private rejectFailed: (error: unknown) => void = () => undefined;

  constructor() {
    this.failed = new Promise<never>((_, reject) => (this.rejectFailed = reject));
    // Observed through guard(); never an unhandled rejection on its own.
    this.failed.catch(() => undefined);
  }

  /** Records `error` (only the first counts). Bound, so it can be passed as a callback. */
  readonly fail = (error: unknown): void => {
    if (this.error !== null) return;
    this.error = error ?? new Error('campaign failed');
    this.rejectFailed(this.error);
  };

  /** `work`, or the campaign's failure if that comes first. */
  guard<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failed]);
  }
}
