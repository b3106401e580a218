/** What `deliver` refuses before touching the ledger: a message it could not deliver as asked. */
import type { OutgoingMessage } from './types.ts';

/** @throws Error naming the missing or malformed field. */
export function checkMessage(message: OutgoingMessage): void {
  const missing = (['job', 'period', 'target', 'text'] as const).filter(
    (field) => typeof message[field] !== 'string' || message[field].trim() === '',
  );
  if (missing.length)
    throw new Error(
      `deliver needs a non-empty ${missing.join(', ')} (message ${JSON.stringify(message.job)})`,
    );
  if (message.kind !== 'post' && message.kind !== 'dm') {
    throw new Error(
      `deliver needs kind 'post' or 'dm' (got ${String(message.kind)} for ${message.target})`,
    );
  }
  if (!Array.isArray(message.blocks))
    throw new Error(`deliver needs blocks as an array (for ${message.target})`);
}
