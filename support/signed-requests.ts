/**
 * Builds and sends requests to a running Bolt app over HTTP exactly as Slack does:
 * signed with v0 (SLACK-NOTES.md "Signing"), form bodies with Content-Type exactly
 * `application/x-www-form-urlencoded` (Bolt parses nothing else as a form), JSON for
 * events. Knobs forge the signature, tamper the body after signing, or date the request.
 */
import { createHmac, randomBytes } from 'node:crypto';

/**
 * `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`).
 * @example signV0('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, docsBody)
 * // 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503'
 */
export function signV0(secret: string, timestamp: number, body: string): string {
  if (!secret) throw new Error('signV0 requires the signing secret');
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SigningKnobs {
  /** Seconds since the epoch to sign with; default now. Use now − 301 for a stale request. */
  timestamp?: number;
  /** Send this signature instead of the correct one. */
  forgeSignature?: string;
  /** Change the body after signing (the signature then covers the original). */
  tamper?: (body: string) => string;
  /** Extra headers, e.g. X-Slack-Retry-Num. */
  headers?: Record<string, string>;
}

export interface SentRequest {
  status: number;
  body: string;
  /** `body` parsed as JSON when it is JSON. */
  json?: unknown;
  /** Wall time from send to response headers, ms (for benchmarks, not tests). */
  elapsedMs: number;
}

/** Signs `body` and POSTs it to `url`. */
export async function sendSigned(
  url: string,
  secret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  knobs: SigningKnobs = {},
): Promise<SentRequest> {
  const timestamp = knobs.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = knobs.forgeSignature ?? signV0(secret, timestamp, body);
  const sentBody = knobs.tamper ? knobs.tamper(body) : body;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signature,
      ...knobs.headers,
    },
    body: sentBody,
  });
  const elapsedMs = performance.now() - started;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, body: text, json, elapsedMs };
}

/** A trigger_id in Slack's shape (`digits.digits.hex`). */
export function newTriggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomBytes(16).toString('hex')}`;
}

export interface SlashCommand {
  command: string;
  text?: string;
  user_id: string;
  channel_id: string;
  team_id?: string;
  team_domain?: string;
  enterprise_id?: string;
  enterprise_name?: string;
  channel_name?: string;
  user_name?: string;
  /** Point at the stand-in (`standIn.responseUrl()`) to assert what the app answers. */
  response_url?: string;
  trigger_id?: string;
  api_app_id?: string;
  token?: string;
}

/** Every documented slash-command form field, with realistic defaults. */
export function slashCommandForm(fields: SlashCommand): URLSearchParams {
  if (!fields.command?.startsWith('/'))
    throw new Error('slashCommandForm requires a command starting with /');
  return new URLSearchParams({
    token: fields.token ?? 'deprecated-verification-token',
    team_id: fields.team_id ?? 'T0STANDIN',
    team_domain: fields.team_domain ?? 'stand-in',
    enterprise_id: fields.enterprise_id ?? '',
    enterprise_name: fields.enterprise_name ?? '',
    channel_id: fields.channel_id,
    channel_name: fields.channel_name ?? 'general',
    user_id: fields.user_id,
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    command: fields.command,
    text: fields.text ?? '',
    response_url: fields.response_url ?? 'http://127.0.0.1:9/response/none',
    trigger_id: fields.trigger_id ?? newTriggerId(),
    api_app_id: fields.api_app_id ?? 'A0TEAMHEALTH',
  });
}

/** Sends a signed slash command to the app's request URL (e.g. `http://…/slack/events`). */
export function sendSlashCommand(
  url: string,
  secret: string,
  fields: SlashCommand,
  knobs?: SigningKnobs,
): Promise<SentRequest> {
  return sendSigned(
    url,
    secret,
    slashCommandForm(fields).toString(),
    'application/x-www-form-urlencoded',
    knobs,
  );
}

export interface BlockAction {
  action_id: string;
  block_id?: string;
  value?: string;
  type?: string;
}

export interface BlockActionsArgs {
  user_id: string;
  team_id?: string;
  api_app_id?: string;
  channel_id?: string;
  /** The message the button sat on; absent for buttons in a view. */
  message_ts?: string;
  /** Ephemeral sources carry no `message` in the payload (SLACK-NOTES.md). */
  is_ephemeral?: boolean;
  /** For buttons in a modal or the Home tab. */
  view?: { id: string; type: 'modal' | 'home'; callback_id?: string; private_metadata?: string };
  /** The blocks of the source message, echoed as Slack does for non-ephemeral messages. */
  message_blocks?: unknown[];
  response_url?: string;
  trigger_id?: string;
  actions: BlockAction[];
}

/** The documented `block_actions` payload. */
export function blockActionsPayload(args: BlockActionsArgs): Record<string, unknown> {
  if (!args.actions?.length) throw new Error('blockActionsPayload requires at least one action');
  const actionTs = (Date.now() / 1000).toFixed(6);
  const container = args.view
    ? { type: 'view', view_id: args.view.id }
    : {
        type: 'message',
        message_ts: args.message_ts ?? '1700000000.000100',
        channel_id: args.channel_id,
        is_ephemeral: args.is_ephemeral ?? false,
      };
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: {
      id: args.user_id,
      username: args.user_id.toLowerCase(),
      team_id: args.team_id ?? 'T0STANDIN',
    },
    api_app_id: args.api_app_id ?? 'A0TEAMHEALTH',
    token: 'deprecated-verification-token',
    container,
    trigger_id: args.trigger_id ?? newTriggerId(),
    team: { id: args.team_id ?? 'T0STANDIN', domain: 'stand-in' },
    enterprise: null,
    is_enterprise_install: false,
    actions: args.actions.map((a, i) => ({
      action_id: a.action_id,
      block_id: a.block_id ?? `block-${i}`,
      value: a.value,
      type: a.type ?? 'button',
      action_ts: actionTs,
      text: { type: 'plain_text', text: a.action_id, emoji: true },
    })),
  };
  if (args.view) {
    payload.view = {
      ...args.view,
      team_id: args.team_id ?? 'T0STANDIN',
      blocks: [],
      state: { values: {} },
    };
  } else {
    payload.channel = { id: args.channel_id, name: 'channel' };
    if (args.response_url) payload.response_url = args.response_url;
    if (!args.is_ephemeral) {
      payload.message = {
        type: 'message',
        ts: args.message_ts ?? '1700000000.000100',
        user: 'UBOT0001',
        blocks: args.message_blocks ?? [],
      };
    }
  }
  return payload;
}

export function sendBlockActions(
  url: string,
  secret: string,
  args: BlockActionsArgs,
  knobs?: SigningKnobs,
): Promise<SentRequest> {
  const body = new URLSearchParams({
    payload: JSON.stringify(blockActionsPayload(args)),
  }).toString();
  return sendSigned(url, secret, body, 'application/x-www-form-urlencoded', knobs);
}

export interface ViewSubmissionArgs {
  user_id: string;
  team_id?: string;
  callback_id: string;
  view_id?: string;
  private_metadata?: string;
  /** `state.values`: block_id → action_id → { type, value | selected_option … }. */
  values: Record<string, Record<string, Record<string, unknown>>>;
  blocks?: unknown[];
}

/** The documented `view_submission` payload. */
export function viewSubmissionPayload(args: ViewSubmissionArgs): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: args.team_id ?? 'T0STANDIN', domain: 'stand-in' },
    user: {
      id: args.user_id,
      username: args.user_id.toLowerCase(),
      team_id: args.team_id ?? 'T0STANDIN',
    },
    api_app_id: 'A0TEAMHEALTH',
    token: 'deprecated-verification-token',
    trigger_id: newTriggerId(),
    view: {
      id: args.view_id ?? 'V0MODAL',
      type: 'modal',
      callback_id: args.callback_id,
      private_metadata: args.private_metadata ?? '',
      team_id: args.team_id ?? 'T0STANDIN',
      blocks: args.blocks ?? [],
      state: { values: args.values },
      hash: 'h0',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function sendViewSubmission(
  url: string,
  secret: string,
  args: ViewSubmissionArgs,
  knobs?: SigningKnobs,
): Promise<SentRequest> {
  const body = new URLSearchParams({
    payload: JSON.stringify(viewSubmissionPayload(args)),
  }).toString();
  return sendSigned(url, secret, body, 'application/x-www-form-urlencoded', knobs);
}

export interface EventArgs {
  event: Record<string, unknown> & { type: string };
  event_id?: string;
  team_id?: string;
  /** Slack's retry headers: the nth retry and why (e.g. 'http_timeout'). */
  retryNum?: number;
  retryReason?: string;
}

/** The documented `event_callback` envelope. */
export function eventCallback(args: EventArgs): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: args.team_id ?? 'T0STANDIN',
    api_app_id: 'A0TEAMHEALTH',
    event: { event_ts: (Date.now() / 1000).toFixed(6), ...args.event },
    type: 'event_callback',
    event_id: args.event_id ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: args.team_id ?? 'T0STANDIN', user_id: 'UBOT0001', is_bot: true }],
  };
}

export function sendEvent(
  url: string,
  secret: string,
  args: EventArgs,
  knobs: SigningKnobs = {},
): Promise<SentRequest> {
  const headers: Record<string, string> = { ...knobs.headers };
  if (args.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(args.retryNum);
    headers['X-Slack-Retry-Reason'] = args.retryReason ?? 'http_timeout';
  }
  return sendSigned(url, secret, JSON.stringify(eventCallback(args)), 'application/json', {
    ...knobs,
    headers,
  });
}
