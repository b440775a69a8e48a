// An execution report as a checkpointed step: the router started, connected or gave up a transfer,
// or the scheduler booked (or could not book), which moves the interaction's lifecycle and uses up
// the grant. Reports about a grant that is no longer in force, and repeats, change nothing.
import type { StepOutcome } from '@warmline/agent-runtime';
import {
  canTransition,
  recordExecution,
  recordNoSlot,
  type ExecutionEvent,
  type InteractionPhase,
  type InteractionRecord,
} from '@warmline/policy';
import { grantCheckAtMs, type GovernedInteraction } from './governed-interaction.js';
import type { ExecutionReport } from './execution-report.js';
import { teamGrantOf, type TeamGrant } from './team-grant.js';

/** What a committed execution step tells the caller. */
export interface ExecutionRecorded {
  readonly phase: InteractionPhase;
  readonly released: readonly TeamGrant[];
  readonly checkAtMs: number | null;
}

/** Applies `report` to the interaction; null when it changes nothing. */
export function executionStep(
  current: GovernedInteraction | null,
  report: ExecutionReport,
  nowMs: number,
  grantCheckIntervalMs: number,
): (StepOutcome<GovernedInteraction> & { result: ExecutionRecorded }) | null {
  const grant = current?.grant;
  const active = current?.record.activeGrant ?? null;
  if (!current || !grant || !active || !concerns(report, current)) return null;
  const record = report.event
    ? moved(current.record, report.event, report.windowUnbookable)
    : current.record;
  const booking = grant.booking || report.fallsBackToBooking;
  if (record === current.record && booking === grant.booking) return null;
  const ended = record.activeGrant === null;
  const next: GovernedInteraction = {
    ...current,
    record,
    grant: ended ? null : { ...grant, booking },
  };
  return {
    state: next,
    effects: [],
    result: {
      phase: record.phase,
      released: report.endsPendingTransfer || ended ? teamGrantOf(grant, active) : [],
      checkAtMs: grantCheckAtMs(next, nowMs, grantCheckIntervalMs),
    },
  };
}

// A bridge reported before any earlier handoff state still means the transfer started first. A move
// the lifecycle does not allow (a repeat, a report after the end) leaves the record as it is. A
// window that cannot be booked is remembered, so the same booking is not authorised again.
function moved(
  record: InteractionRecord,
  event: ExecutionEvent,
  windowUnbookable: boolean,
): InteractionRecord {
  const started =
    event === 'connected' && record.phase === 'authorised'
      ? recordExecution(record, 'transfer-started')
      : record;
  if (!canTransition(started.phase, event)) return record;
  return windowUnbookable ? recordNoSlot(started) : recordExecution(started, event);
}

// A report naming a grant concerns that grant only. A failed booking from before reports named
// their grant concerns the grant in force only while that is being booked.
function concerns(report: ExecutionReport, current: GovernedInteraction): boolean {
  const grant = current.grant;
  if (report.grantId !== null) return report.grantId === grant?.grantId;
  return current.record.activeGrant?.action === 'appointment' || grant?.booking === true;
}
