// The bus logs through Nest's LoggerService shape so agents' structured logger applies unchanged.
import { Logger, type LoggerService } from '@nestjs/common';

/** What the bus needs from a logger (Nest's `LoggerService` satisfies it). */
export type BusLogger = Pick<LoggerService, 'log' | 'warn' | 'error'>;

/** The default logger for a bus component. */
export function busLogger(component: string): BusLogger {
  return new Logger(component);
}
