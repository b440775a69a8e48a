// Each audit record as a story step: evidence, decisions, grants and what used or refused them,
// transfer states with their typed reasons, and bookings.
import { fromOptionalTimestamp, v1, type warmline } from '@warmline/contracts';
import {
  failureReasonName,
  faultName,
  handoffStateName,
  outcomeName,
  reasonName,
  transferModeName,
  unavailableName,
} from './names.js';
import type { StoryEntry, StoryRecord } from './story-entry.js';

/** The story step of one record; a record whose payload does not decode says so, never vanishes. */
export function recordEntry(record: StoryRecord): StoryEntry {
  const base = { at: record.at, recordId: record.recordId };
  try {
    switch (record.kind) {
      case 'evidence':
        return { ...base, kind: 'evidence', ...evidence(v1.Signal.decode(record.payload), record) };
      case 'decision':
        return {
          ...base,
          kind: 'decision',
          ...decision(v1.EscalationDecision.decode(record.payload)),
        };
      case 'grant':
        return {
          ...base,
          kind: 'grant',
          ...grant(v1.AuthorityGrant.decode(record.payload), record),
        };
      case 'handoff':
        return { ...base, kind: 'handoff', ...handoff(v1.HandoffEvent.decode(record.payload)) };
      case 'appointment':
        return {
          ...base,
          kind: 'appointment',
          ...appointment(v1.AppointmentEvent.decode(record.payload)),
        };
      default:
        return {
          ...base,
          kind: 'evidence',
          title: `unknown record kind ${record.kind}`,
          details: [],
        };
    }
  } catch (err) {
    return {
      ...base,
      kind: record.kind as StoryEntry['kind'],
      title: `${record.kind} record ${record.recordId} could not be decoded`,
      details: [String(err)],
    };
  }
}

type Told = Pick<StoryEntry, 'title' | 'details' | 'intentVersion'>;

function evidence(signal: warmline.v1.Signal, record: StoryRecord): Told {
  const segment = signal.perception?.transcriptSegment;
  const assertion = signal.perception?.structuredAssertion;
  const words = segment?.text ?? assertion?.buyerQuote ?? '';
  const markers = String(record.summary?.['markers'] ?? '');
  const faults = (signal.faults ?? []).map(faultName);
  return {
    title: `evidence ${signal.signalId}: "${words}"${markers ? ` → ${markers}` : ''}`,
    details: [
      `source ${assertion ? `assertion by ${assertion.model || 'the agent LLM'}` : 'transcript'}, quality ${(signal.quality?.score ?? 0).toFixed(2)}`,
      ...(faults.length > 0 ? [`faults: ${faults.join(', ')}`] : []),
    ],
    ...(record.summary?.['intentVersion']
      ? { intentVersion: Number(record.summary['intentVersion']) }
      : {}),
  };
}

function decision(d: warmline.v1.EscalationDecision): Told {
  return {
    title: `decision ${outcomeName(d.outcome)} on intent v${d.intentVersion} (policy ${d.policyId} v${d.policyVersion}, readiness ${(d.readinessScore ?? 0).toFixed(2)})`,
    details: (d.reasons ?? []).map((r) => `${reasonName(r.code)}: ${r.detail ?? ''}`),
    intentVersion: d.intentVersion,
  };
}

function grant(g: warmline.v1.AuthorityGrant, record: StoryRecord): Told {
  const event = String(record.summary?.['event'] ?? 'issued');
  const claims = g.claims.length > 0 ? v1.GrantClaims.decode(g.claims) : null;
  const reason = record.summary?.['reason'];
  const expires = fromOptionalTimestamp(claims?.expiresAt);
  return {
    title: `grant ${claims?.grantId ?? '?'} ${event}${reason ? `: ${reason}` : ''}`,
    details: claims
      ? [
          `scopes ${claims.scopes.join(', ')}${claims.fallbackScopes.length ? `; fallback ${claims.fallbackScopes.join(', ')}` : ''}`,
          `bound to intent v${claims.intentVersion}, issued by ${claims.issuer} (key ${g.keyId.slice(0, 10)}…)${expires ? `, expires ${new Date(expires).toISOString()}` : ''}`,
        ]
      : [],
    ...(claims ? { intentVersion: claims.intentVersion } : {}),
  };
}

function handoff(h: warmline.v1.HandoffEvent): Told {
  const failure = h.failureReason ? ` — ${failureReasonName(h.failureReason)}` : '';
  return {
    title: `transfer ${handoffStateName(h.state)} (attempt ${h.attempt}, ${transferModeName(h.mode)})${h.closerId ? ` closer ${h.closerId}` : ''}${failure}`,
    details: [
      ...(h.detail ? [h.detail] : []),
      ...(h.brief && (h.brief.validatedMarkers ?? []).length > 0
        ? [
            `brief: ${(h.brief.validatedMarkers ?? []).length} validated markers, do not ask: ${(h.brief.doNotAsk ?? []).join('; ')}`,
          ]
        : []),
    ],
  };
}

function appointment(a: warmline.v1.AppointmentEvent): Told {
  if (a.booked) {
    const start = fromOptionalTimestamp(a.booked.startAt);
    return {
      title: `appointment ${a.booked.appointmentId} booked with ${a.booked.closerId}${start ? ` at ${new Date(start).toISOString()}` : ''} (${a.booked.timeZone})`,
      details: [],
    };
  }
  if (a.unavailable) {
    return {
      title: `appointment unavailable — ${unavailableName(a.unavailable.reason)}`,
      details: [a.unavailable.detail ?? ''].filter((d) => d !== ''),
    };
  }
  if (a.rescheduled)
    return {
      title: `appointment ${a.rescheduled.appointmentId} rescheduled`,
      details: [a.rescheduled.reason ?? ''],
    };
  if (a.cancelled)
    return {
      title: `appointment ${a.cancelled.appointmentId} cancelled`,
      details: [a.cancelled.reason ?? ''],
    };
  if (a.requested)
    return { title: `appointment requested under grant ${a.requested.grantId}`, details: [] };
  if (a.crmUpdate) return { title: `CRM updated: ${a.crmUpdate.summary ?? ''}`, details: [] };
  return { title: 'appointment event', details: [] };
}
