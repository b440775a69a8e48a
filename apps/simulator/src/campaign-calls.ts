// Every call the campaign placed, by interaction id: how the bus-facing roles (telephony, desks,
// the observer) find the call an event is about. Calls of earlier modes stay, so a late command or
// report about them still reaches them.
import type { SimulatedCall } from './simulated-call.js';

/** The campaign's calls. */
export class CampaignCalls {
  private readonly calls = new Map<string, SimulatedCall>();

  /** Adds a call (its interaction id must be new). */
  add(call: SimulatedCall): void {
    if (this.calls.has(call.interactionId)) {
      throw new Error(`call ${call.interactionId} was placed twice`);
    }
    this.calls.set(call.interactionId, call);
  }

  /** The call `interactionId`, or null when the campaign did not place it. */
  get(interactionId: string): SimulatedCall | null {
    return this.calls.get(interactionId) ?? null;
  }

  /** True when the campaign placed `interactionId`. */
  has(interactionId: string): boolean {
    return this.calls.has(interactionId);
  }
}
