// The ids in the gateway's paths, each validated by the shared id rule before any handler runs.
import { idField } from './json-fields.js';

export const InteractionIdParam = idField('The interaction (call session)');
export const CloserIdParam = idField('The closer');
export const ReservationIdParam = idField('The reservation answered');
export const AppointmentIdParam = idField('The booked appointment');
