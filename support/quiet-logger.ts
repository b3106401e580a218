/**
 * Loggers that say nothing, for tests whose expected Slack errors would otherwise fill
 * the output: one shaped for @slack/web-api, one for pino-style callers.
 */
import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import pino from 'pino';

const noop = () => {};

export const quietSlackLogger: SlackLogger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  setLevel: noop,
  getLevel: () => LogLevel.ERROR,
  setName: noop,
};

export const quietLogger = pino({ level: 'silent' });
