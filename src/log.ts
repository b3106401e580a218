/** The one logger (pino), to stderr so stdout stays for command output such as --json. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
