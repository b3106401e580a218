/** Bolt's logger interface over our one pino logger, so Bolt's own messages land in the same log. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log.ts';

export function boltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  const line = (parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...msg) => logger.debug({ component: name }, line(msg)),
    info: (...msg) => logger.info({ component: name }, line(msg)),
    warn: (...msg) => logger.warn({ component: name }, line(msg)),
    error: (...msg) => logger.error({ component: name }, line(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: (next) => {
      name = next;
    },
  };
}
