// The scheduler's own refusals, each with a stable code for its dead letter.

/** The governor revoked the grant: it may no longer book (dead letter GRANT_REFUSED). */
export class GrantRevokedError extends Error {
  readonly code = 'GRANT_REVOKED';

  constructor(readonly grantId: string) {
    super(`grant ${grantId} was revoked by the escalation governor`);
    this.name = 'GrantRevokedError';
  }
}

/** An AppointmentChangeRequest is malformed; `field` names the bad field. */
export class ChangeRequestInvalidError extends Error {
  readonly code = 'CHANGE_REQUEST_INVALID';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ChangeRequestInvalidError';
  }
}

/** A change request names an appointment booked for another interaction. */
export class AppointmentInteractionMismatchError extends Error {
  readonly code = 'APPOINTMENT_INTERACTION_MISMATCH';

  constructor(
    readonly appointmentId: string,
    readonly interactionId: string,
  ) {
    super(`appointment ${appointmentId} was not booked for interaction ${interactionId}`);
    this.name = 'AppointmentInteractionMismatchError';
  }
}
