/**
 * Bolt's signature check (receivers/verify-request.ts) rejects requests more than 5
 * minutes old but lets future-dated ones through (SLACK-NOTES.md). A captured request
 * signed with a timestamp in the future would then be replayable until that moment, so
 * this guard rejects timestamps more than 5 minutes ahead with 401, before Bolt runs.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export const MAX_SKEW_SECONDS = 300;

/** True when the request's X-Slack-Request-Timestamp is more than 5 minutes ahead of `nowMs`. */
export function isFutureDated(req: Pick<IncomingMessage, 'headers'>, nowMs: number): boolean {
  const raw = req.headers['x-slack-request-timestamp'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return false; // not a Slack request (e.g. /healthz); Bolt judges the rest
  const ts = Number(value);
  return Number.isFinite(ts) && ts - nowMs / 1000 > MAX_SKEW_SECONDS;
}

/** Wraps a request listener with the future-timestamp guard. */
export function rejectFutureDated(
  inner: RequestListener,
  onReject: (req: IncomingMessage) => void,
  now: () => number = Date.now,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (isFutureDated(req, now())) {
      onReject(req);
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('request timestamp is in the future');
      return;
    }
    inner(req, res);
  };
}
