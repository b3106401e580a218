/**
 * A local stand-in for Slack's Web API, so the real `@slack/web-api` WebClient and Bolt
 * can be pointed at it through `slackApiUrl` (`SLACK_API_URL=standIn.apiUrl`).
 *
 * It follows Slack's documented shapes (every call a POST, form-encoded or JSON, objects
 * JSON-stringified, `Authorization: Bearer`, answers `{ ok: true, … }` or
 * `{ ok: false, error }`), keeps users, channels, messages, views and files so errors
 * arise naturally (not_in_channel, is_archived, account_inactive …), enforces Block Kit
 * limits, can inject 429 / 5xx / any Slack error, can enforce Slack-like rate limits,
 * and records every call for assertions.
 *
 * @example
 * const slack = await startStandIn();
 * slack.addChannel({ id: 'C1', name: 'team-a' });
 * const client = new WebClient(slack.token, { slackApiUrl: slack.apiUrl });
 * await client.chat.postMessage({ channel: 'C1', text: 'hi' });
 * slack.messages('C1'); // [{ text: 'hi', … }]
 * await slack.stop();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { type FileLookup, type Surface, validateBlocks } from './stand-in/block-rules.ts';
import { RateLimiter, type RateLimitOptions } from './stand-in/rate-limits.ts';
import { decodeParams, readRaw, uploadedBytes } from './stand-in/request-body.ts';

export type { RateLimitOptions } from './stand-in/rate-limits.ts';

export interface StandInUser {
  id: string;
  name?: string;
  tz?: string;
  deleted?: boolean;
  is_bot?: boolean;
}

export interface StandInChannel {
  id: string;
  name?: string;
  members?: string[];
  is_archived?: boolean;
  is_private?: boolean;
}

/** What an injected failure answers. */
export type Failure =
  | { kind: 'ratelimited'; retryAfter: number }
  /**
   * `afterHandling`: the call takes effect (a post is stored) and only then is answered
   * with the error — a gateway timing out after Slack did the work.
   */
  | { kind: 'http'; status: number; afterHandling?: boolean }
  | { kind: 'error'; error: string; extra?: Record<string, unknown> };

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** `params.blocks` (or a view's blocks) parsed, when present. */
  blocks?: unknown[];
  token?: string;
  /** Arrival time, ms since the epoch. */
  at: number;
  status: number;
  ok: boolean;
  error?: string;
  response: Record<string, unknown>;
  warnings: string[];
}

export interface StoredMessage {
  channel: string;
  ts: string;
  user: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  files?: string[];
  ephemeral_to?: string;
}

export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  alt_text?: string;
  title?: string;
  uploadedBytes?: number;
  completed: boolean;
  /** Usable in image blocks from this instant (models Slack's processing delay). */
  readyAt?: number;
  channels: string[];
}

export interface ResponseUrlPost {
  id: string;
  at: number;
  body: Record<string, unknown>;
}

export interface StandInOptions {
  token?: string;
  teamId?: string;
  botUserId?: string;
  /** Granted scopes; calls needing another answer `missing_scope`. */
  scopes?: string[];
  /** Delay before a completed upload may be referenced in an image block. */
  fileReadyDelayMs?: number;
  now?: () => number;
}

/** Scopes a bot typically has; `chat:write.public` left out so not_in_channel arises. */
export const DEFAULT_SCOPES = [
  'chat:write',
  'im:write',
  'im:history',
  'channels:history',
  'groups:history',
  'users:read',
  'files:write',
  'files:read',
  'commands',
];

const METHOD_SCOPES: Record<string, string | undefined> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'conversations.open': 'im:write',
  'users.info': 'users:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'files.info': 'files:read',
};

class SlackError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(error);
  }
}

type Handler = (params: Record<string, unknown>, call: RecordedCall) => Record<string, unknown>;

export class SlackStandIn {
  readonly token: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly calls: RecordedCall[] = [];
  readonly responsePosts: ResponseUrlPost[] = [];
  readonly users = new Map<string, StandInUser>();
  readonly channels = new Map<string, StandInChannel & { members: string[] }>();
  readonly files = new Map<string, StoredFile>();
  readonly views = new Map<string, Record<string, unknown>>();
  private readonly messagesByChannel = new Map<string, StoredMessage[]>();
  private readonly tokens = new Set<string>();
  private scopes: Set<string>;
  private readonly failures: {
    method?: string;
    channel?: string;
    failure: Failure;
    left: number;
  }[] = [];
  /** Failures at chosen call numbers of a method (see {@link failCalls}). */
  private readonly numberedFailures = new Map<string, Map<number, Failure>>();
  private readonly callCounts = new Map<string, number>();
  private readonly answerListeners = new Set<(call: RecordedCall) => void>();
  private limiter: RateLimiter | undefined;
  private readonly responseUrls = new Map<string, number>();
  private readonly usedTriggers = new Set<string>();
  private lastTsMicros = 0;
  private seq = 0;
  private server: Server | undefined;
  private base = '';
  fileReadyDelayMs: number;
  private readonly now: () => number;

  constructor(options: StandInOptions = {}) {
    this.token = options.token ?? 'xoxb-stand-in-token';
    this.teamId = options.teamId ?? 'T0STANDIN';
    this.botUserId = options.botUserId ?? 'UBOT0001';
    this.tokens.add(this.token);
    this.scopes = new Set(options.scopes ?? DEFAULT_SCOPES);
    this.fileReadyDelayMs = options.fileReadyDelayMs ?? 0;
    this.now = options.now ?? Date.now;
    this.users.set(this.botUserId, { id: this.botUserId, name: 'teamhealth', is_bot: true });
  }

  /** `http://127.0.0.1:PORT/api/`, for `slackApiUrl` / `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.base}api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}/`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- seeding -------------------------------------------------------------------

  addToken(token: string): void {
    this.tokens.add(token);
  }

  setScopes(scopes: string[]): void {
    this.scopes = new Set(scopes);
  }

  addUser(user: StandInUser): this {
    this.users.set(user.id, { ...user });
    return this;
  }

  /** Adds a channel; the bot is a member unless `members` is given without it. */
  addChannel(channel: StandInChannel): this {
    this.channels.set(channel.id, {
      ...channel,
      members: channel.members ?? [this.botUserId],
    });
    return this;
  }

  // ---- failure injection and limits ---------------------------------------------

  /** Answers the next `count` calls of `method` with `failure`. */
  failNext(method: string, failure: Failure, count = 1): this {
    this.failures.push({ method, failure, left: count });
    return this;
  }

  /** Answers calls naming `channel` (channel or channel_id) with `failure`, `count` times. */
  failChannel(channel: string, failure: Failure, count = Number.POSITIVE_INFINITY): this {
    this.failures.push({ channel, failure, left: count });
    return this;
  }

  /**
   * Answers the calls of `method` numbered `numbers` (1-based, counting every call of
   * authenticated call of that method since the stand-in started or was reset, whatever its
   * answer) with `failure`. Spreads
   * faults through a long run deterministically, where `failNext` bunches them.
   * @example slack.failCalls('chat.postMessage', [100, 700], { kind: 'http', status: 503 })
   */
  failCalls(method: string, numbers: number[], failure: Failure): this {
    const byNumber = this.numberedFailures.get(method) ?? new Map<number, Failure>();
    for (const n of numbers) {
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`failCalls needs call numbers ≥ 1 (got ${n} for ${method})`);
      byNumber.set(n, failure);
    }
    this.numberedFailures.set(method, byNumber);
    return this;
  }

  clearFailures(): void {
    this.failures.length = 0;
    this.numberedFailures.clear();
  }

  /**
   * Calls `listener` with each call once its outcome is decided (handler run, message
   * stored) and *before* the answer is written, so a test can act in the window where
   * Slack has accepted a post but the client has not heard back — e.g. SIGKILL the app.
   * @returns a function that removes the listener.
   */
  onAnswer(listener: (call: RecordedCall) => void): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  /** Turns Slack-like rate limits on (answering 429 + Retry-After), or off with `false`. */
  enforceRateLimits(options: RateLimitOptions | false = {}): this {
    this.limiter = options === false ? undefined : new RateLimiter(options);
    return this;
  }

  /** A response_url on the stand-in; posts to it are recorded in `responsePosts`. */
  responseUrl(id = `R${++this.seq}`): string {
    this.responseUrls.set(id, 0);
    return `${this.base}response/${id}`;
  }

  // ---- queries ---------------------------------------------------------------------

  callsTo(method: string, where: (call: RecordedCall) => boolean = () => true): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && where(call));
  }

  /** Successful calls of a method. */
  okCalls(method: string): RecordedCall[] {
    return this.callsTo(method, (call) => call.ok);
  }

  /** Messages in a channel (DM channel ids or user ids both work), oldest first. */
  messages(channel?: string): StoredMessage[] {
    if (channel === undefined) return [...this.messagesByChannel.values()].flat();
    const id = this.users.has(channel) ? this.dmChannelId(channel) : channel;
    return [...(this.messagesByChannel.get(id) ?? [])];
  }

  /** Posts made to one response_url id (the last path segment). */
  responsesTo(id: string): ResponseUrlPost[] {
    return this.responsePosts.filter((post) => post.id === id);
  }

  warnings(): { method: string; warning: string }[] {
    return this.calls.flatMap((call) =>
      call.warnings.map((warning) => ({ method: call.method, warning })),
    );
  }

  dmChannelId(userId: string): string {
    return `D${userId}`;
  }

  reset(): void {
    this.calls.length = 0;
    this.responsePosts.length = 0;
    this.messagesByChannel.clear();
    this.failures.length = 0;
    this.numberedFailures.clear();
    this.callCounts.clear();
  }

  // ---- HTTP ------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = this.now();
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readRaw(req);
    const contentType = req.headers['content-type'] ?? '';
    const [, area, name] = url.pathname.split('/');
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: 'method_not_allowed' });
    if (area === 'api' && name) return this.apiCall(name, req, raw, contentType, at, res);
    if (area === 'upload' && name) return this.upload(name, raw, contentType, res);
    if (area === 'response' && name) return this.responsePost(name, raw, contentType, at, res);
    send(res, 404, { ok: false, error: 'unknown_method' });
  }

  private async apiCall(
    method: string,
    req: IncomingMessage,
    raw: Buffer,
    contentType: string,
    at: number,
    res: ServerResponse,
  ): Promise<void> {
    let params: Record<string, unknown>;
    try {
      params = decodeParams(raw, contentType);
    } catch {
      return send(res, 200, { ok: false, error: 'invalid_json' });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof params.token === 'string' ? params.token : undefined);
    const call: RecordedCall = {
      method,
      params: { ...params, token: undefined },
      token,
      at,
      status: 200,
      ok: false,
      response: {},
      warnings: [],
    };
    delete call.params.token;
    const blocks = Array.isArray(params.blocks)
      ? params.blocks
      : isRecord(params.view) && Array.isArray(params.view.blocks)
        ? params.view.blocks
        : undefined;
    if (blocks) call.blocks = blocks;
    this.calls.push(call);

    const answer = (
      status: number,
      body: Record<string, unknown>,
      headers: Record<string, string> = {},
    ) => {
      call.status = status;
      call.ok = status === 200 && body.ok === true;
      call.response = body;
      if (typeof body.error === 'string') call.error = body.error;
      for (const listener of this.answerListeners) listener(call);
      send(res, status, body, headers);
    };

    if (token === undefined) return answer(200, { ok: false, error: 'not_authed' });
    if (!this.tokens.has(token)) return answer(200, { ok: false, error: 'invalid_auth' });

    const channel = str(params.channel) ?? str(params.channel_id);
    const number = (this.callCounts.get(method) ?? 0) + 1;
    this.callCounts.set(method, number);
    const failure =
      this.numberedFailures.get(method)?.get(number) ?? this.takeFailure(method, channel);
    if (failure) {
      if (failure.kind === 'ratelimited') {
        return answer(
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(failure.retryAfter) },
        );
      }
      if (failure.kind === 'http' && failure.afterHandling) {
        try {
          this.handlers[method]?.(params, call);
        } catch (error) {
          if (!(error instanceof SlackError)) throw error;
        }
        return answer(failure.status, { ok: false, error: 'internal_error' });
      }
      if (failure.kind === 'http')
        return answer(failure.status, { ok: false, error: 'internal_error' });
      return answer(200, { ok: false, error: failure.error, ...failure.extra });
    }
    if (this.limiter) {
      const key = method === 'chat.postMessage' ? this.resolveChannelKey(channel) : undefined;
      const wait = this.limiter.check(method, key, at);
      if (wait > 0)
        return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
    }
    const needed = METHOD_SCOPES[method];
    if (needed && !this.scopes.has(needed)) {
      return answer(200, {
        ok: false,
        error: 'missing_scope',
        needed,
        provided: [...this.scopes].join(','),
      });
    }
    const handler = this.handlers[method];
    if (!handler) return answer(200, { ok: false, error: 'unknown_method' });
    try {
      answer(200, { ok: true, ...handler(params, call) });
    } catch (error) {
      if (error instanceof SlackError)
        return answer(200, { ok: false, error: error.error, ...error.extra });
      throw error;
    }
  }

  private takeFailure(method: string, channel: string | undefined): Failure | undefined {
    const index = this.failures.findIndex(
      (f) =>
        f.left > 0 && (f.method === method || (f.channel !== undefined && f.channel === channel)),
    );
    if (index < 0) return undefined;
    const entry = this.failures[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.failures.splice(index, 1);
    return entry.failure;
  }

  private resolveChannelKey(channel: string | undefined): string | undefined {
    if (channel && this.users.has(channel)) return this.dmChannelId(channel);
    return channel;
  }

  private async upload(fileId: string, raw: Buffer, contentType: string, res: ServerResponse) {
    const file = this.files.get(fileId);
    if (!file) return sendText(res, 404, 'file_not_found');
    const bytes = await uploadedBytes(raw, contentType);
    file.uploadedBytes = bytes.length;
    if (bytes.length !== file.length) {
      return sendText(res, 400, `length mismatch: expected ${file.length}, got ${bytes.length}`);
    }
    sendText(res, 200, `OK - ${bytes.length}`);
  }

  private responsePost(
    id: string,
    raw: Buffer,
    contentType: string,
    at: number,
    res: ServerResponse,
  ) {
    const uses = this.responseUrls.get(id);
    if (uses === undefined) return send(res, 404, { ok: false, error: 'expired_url' });
    if (uses >= 5) return send(res, 404, { ok: false, error: 'used_url' });
    this.responseUrls.set(id, uses + 1);
    const body = decodeParams(raw, contentType.includes('json') ? 'application/json' : contentType);
    if (body.blocks !== undefined) {
      const problems = validateBlocks(body.blocks, 'message', this.fileLookup());
      if (problems.length) {
        return send(res, 200, {
          ok: false,
          error: 'invalid_blocks',
          response_metadata: { messages: problems },
        });
      }
    }
    this.responsePosts.push({ id, at, body });
    send(res, 200, { ok: true });
  }

  // ---- state helpers -------------------------------------------------------------

  private nextTs(): string {
    const micros = Math.max(this.now() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  private fileLookup(): FileLookup {
    return {
      isUsable: (id) => {
        const file = this.files.get(id);
        return !!file && file.completed && (file.readyAt ?? 0) <= this.now();
      },
    };
  }

  private user(id: unknown): StandInUser {
    const user = typeof id === 'string' ? this.users.get(id) : undefined;
    if (!user) throw new SlackError('user_not_found');
    return user;
  }

  /**
   * Where a post to `channel` lands, or the Slack error it gets: a user id opens the DM
   * (deactivated user → account_inactive); a channel needs to exist, not be archived, and
   * have the bot as a member (or the `chat:write.public` scope for a public channel).
   */
  private postTarget(channel: unknown): string {
    if (typeof channel !== 'string' || channel === '') throw new SlackError('channel_not_found');
    const user = this.users.get(channel);
    if (user) {
      if (user.deleted) throw new SlackError('account_inactive');
      return this.dmChannelId(user.id);
    }
    if (channel.startsWith('D')) {
      const owner = this.users.get(`${channel.slice(1)}`);
      if (!owner) throw new SlackError('channel_not_found');
      if (owner.deleted) throw new SlackError('account_inactive');
      return channel;
    }
    const found = this.channels.get(channel);
    if (!found) throw new SlackError('channel_not_found');
    if (found.is_archived) throw new SlackError('is_archived');
    if (!found.members.includes(this.botUserId)) {
      if (found.is_private) throw new SlackError('channel_not_found');
      if (!this.scopes.has('chat:write.public')) throw new SlackError('not_in_channel');
    }
    return channel;
  }

  private checkBlocks(blocks: unknown, surface: Surface): void {
    if (isRecord(blocks) && '__unparsable' in blocks) throw new SlackError('invalid_blocks_format');
    const problems = validateBlocks(blocks, surface, this.fileLookup());
    if (problems.length) {
      throw new SlackError('invalid_blocks', {
        errors: problems.map((p) => p.replace(/^\[ERROR\] /, '')),
        response_metadata: { messages: problems },
      });
    }
  }

  private channelMessages(channel: string): StoredMessage[] {
    let list = this.messagesByChannel.get(channel);
    if (!list) {
      list = [];
      this.messagesByChannel.set(channel, list);
    }
    return list;
  }

  private checkMessageBody(params: Record<string, unknown>, call: RecordedCall): void {
    const text = str(params.text);
    if (params.blocks === undefined && !text && params.attachments === undefined) {
      throw new SlackError('no_text');
    }
    if (text && text.length > 40_000) throw new SlackError('msg_too_long');
    if (params.blocks !== undefined) {
      this.checkBlocks(params.blocks, 'message');
      if (!text) call.warnings.push('missing_text_fallback');
    }
    if (params.metadata !== undefined) {
      const m = params.metadata;
      if (!isRecord(m) || typeof m.event_type !== 'string' || !isRecord(m.event_payload)) {
        throw new SlackError('invalid_metadata_format');
      }
    }
  }

  private checkView(view: unknown, surface: Surface): Record<string, unknown> {
    if (!isRecord(view)) throw new SlackError('invalid_arguments');
    const expected = surface === 'home' ? 'home' : 'modal';
    if (view.type !== expected)
      throw new SlackError('invalid_arguments', { errors: [`view type must be ${expected}`] });
    this.checkBlocks(view.blocks ?? [], surface);
    return view;
  }

  private storeView(
    view: Record<string, unknown>,
    extra: Record<string, unknown>,
  ): Record<string, unknown> {
    const id = str(extra.id) ?? `V${++this.seq}`;
    const stored = { ...view, ...extra, id, hash: `h${++this.seq}`, team_id: this.teamId };
    this.views.set(id, stored);
    return stored;
  }

  private readonly handlers: Record<string, Handler> = {
    'auth.test': () => ({
      url: 'https://stand-in.slack.com/',
      team: 'Stand-in',
      user: 'teamhealth',
      team_id: this.teamId,
      user_id: this.botUserId,
      bot_id: 'B0STANDIN',
    }),

    'chat.postMessage': (params, call) => {
      const channel = this.postTarget(params.channel);
      this.checkMessageBody(params, call);
      const message: StoredMessage = {
        channel,
        ts: this.nextTs(),
        user: this.botUserId,
        text: str(params.text),
        blocks: params.blocks as unknown[] | undefined,
        metadata: params.metadata as StoredMessage['metadata'],
        thread_ts: str(params.thread_ts),
      };
      this.channelMessages(channel).push(message);
      return { channel, ts: message.ts, message: { ...message, type: 'message' } };
    },

    'chat.postEphemeral': (params, call) => {
      const user = this.user(params.user);
      const channel = this.postTarget(params.channel);
      const found = this.channels.get(channel);
      if (found && !found.members.includes(user.id)) throw new SlackError('user_not_in_channel');
      this.checkMessageBody(params, call);
      return { message_ts: this.nextTs() };
    },

    'chat.update': (params, call) => {
      const channel = this.postTarget(params.channel);
      const message = this.channelMessages(channel).find((m) => m.ts === params.ts);
      if (!message) throw new SlackError('message_not_found');
      if (message.user !== this.botUserId) throw new SlackError('cant_update_message');
      this.checkMessageBody(params, call);
      if (params.text !== undefined) message.text = str(params.text);
      if (params.blocks !== undefined) message.blocks = params.blocks as unknown[];
      return { channel, ts: message.ts, text: message.text };
    },

    'chat.delete': (params) => {
      const channel = this.postTarget(params.channel);
      const list = this.channelMessages(channel);
      const index = list.findIndex((m) => m.ts === params.ts);
      if (index < 0) throw new SlackError('message_not_found');
      list.splice(index, 1);
      return { channel, ts: params.ts };
    },

    'conversations.open': (params) => {
      const ids = (str(params.users) ?? '').split(',').filter(Boolean);
      if (ids.length !== 1)
        throw new SlackError(ids.length ? 'not_implemented' : 'users_list_not_supplied');
      const user = this.user(ids[0]);
      if (user.deleted) throw new SlackError('user_disabled');
      return { channel: { id: this.dmChannelId(user.id) } };
    },

    'conversations.history': (params) => {
      const channel = str(params.channel);
      if (!channel) throw new SlackError('channel_not_found');
      const isDm = channel.startsWith('D');
      const needed = isDm ? 'im:history' : 'channels:history';
      if (!this.scopes.has(needed)) {
        throw new SlackError('missing_scope', { needed, provided: [...this.scopes].join(',') });
      }
      if (!isDm) {
        const found = this.channels.get(channel);
        if (!found) throw new SlackError('channel_not_found');
        if (!found.members.includes(this.botUserId)) throw new SlackError('not_in_channel');
      } else if (!this.users.has(channel.slice(1))) throw new SlackError('channel_not_found');
      const inclusive = params.inclusive === 'true' || params.inclusive === true;
      const oldest = Number(params.oldest ?? 0);
      const latest = params.latest === undefined ? Number.POSITIVE_INFINITY : Number(params.latest);
      const withMeta =
        params.include_all_metadata === 'true' || params.include_all_metadata === true;
      const all = this.channelMessages(channel)
        .filter((m) => {
          const ts = Number(m.ts);
          return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
        })
        .reverse();
      const limit = Math.min(Math.max(Number(params.limit ?? 100) || 100, 1), 999);
      const start = params.cursor
        ? Number(Buffer.from(String(params.cursor), 'base64').toString())
        : 0;
      const page = all.slice(start, start + limit);
      const more = start + limit < all.length;
      return {
        messages: page.map((m) => ({
          type: 'message',
          user: m.user,
          text: m.text,
          ts: m.ts,
          blocks: m.blocks,
          ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
        })),
        has_more: more,
        response_metadata: {
          next_cursor: more ? Buffer.from(String(start + limit)).toString('base64') : '',
        },
      };
    },

    'users.info': (params) => {
      const user = this.user(params.user);
      const tz = user.tz ?? 'America/Los_Angeles';
      const offset = DateTime.fromMillis(this.now(), { zone: tz }).offset * 60;
      return {
        user: {
          id: user.id,
          team_id: this.teamId,
          name: user.name ?? user.id.toLowerCase(),
          deleted: user.deleted ?? false,
          is_bot: user.is_bot ?? false,
          tz,
          tz_offset: offset,
          profile: { real_name: user.name ?? user.id },
        },
      };
    },

    'views.open': (params) => {
      const trigger = str(params.trigger_id);
      if (!trigger) throw new SlackError('invalid_arguments');
      if (this.usedTriggers.has(trigger)) throw new SlackError('expired_trigger_id');
      this.usedTriggers.add(trigger);
      const view = this.checkView(params.view, 'modal');
      return { view: this.storeView(view, {}) };
    },

    'views.update': (params) => {
      const id =
        str(params.view_id) ??
        [...this.views.values()].find((v) => v.external_id === params.external_id)?.id;
      const existing = typeof id === 'string' ? this.views.get(id) : undefined;
      if (!existing) throw new SlackError('not_found');
      if (params.hash !== undefined && params.hash !== existing.hash)
        throw new SlackError('hash_conflict');
      const view = this.checkView(params.view, existing.type === 'home' ? 'home' : 'modal');
      return { view: this.storeView(view, { id: existing.id }) };
    },

    'views.publish': (params) => {
      const user = this.user(params.user_id);
      const view = this.checkView(params.view, 'home');
      const existing = [...this.views.values()].find(
        (v) => v.type === 'home' && v.user_id === user.id,
      );
      return {
        view: this.storeView(view, { user_id: user.id, ...(existing ? { id: existing.id } : {}) }),
      };
    },

    'files.getUploadURLExternal': (params) => {
      const filename = str(params.filename);
      const length = Number(params.length);
      if (!filename || !Number.isInteger(length) || length <= 0)
        throw new SlackError('invalid_arguments');
      const id = `F${String(++this.seq).padStart(8, '0')}`;
      this.files.set(id, {
        id,
        filename,
        length,
        alt_text: str(params.alt_text),
        completed: false,
        channels: [],
      });
      return { upload_url: `${this.base}upload/${id}`, file_id: id };
    },

    'files.completeUploadExternal': (params, call) => {
      const list = params.files;
      if (!Array.isArray(list) || list.length === 0) throw new SlackError('invalid_arguments');
      const channel = str(params.channel_id);
      const target = channel ? this.postTarget(channel) : undefined;
      const done: StoredFile[] = [];
      for (const entry of list) {
        const file = isRecord(entry) ? this.files.get(String(entry.id)) : undefined;
        if (!file) throw new SlackError('file_not_found');
        if (file.uploadedBytes !== file.length) throw new SlackError('file_upload_size_mismatch');
        done.push(file);
      }
      if (target)
        this.checkMessageBody({ ...params, text: params.initial_comment ?? 'file' }, call);
      for (const [i, file] of done.entries()) {
        const entry = list[i] as Record<string, unknown>;
        file.title = str(entry.title) ?? file.filename;
        file.completed = true;
        file.readyAt = this.now() + this.fileReadyDelayMs;
        if (target) file.channels.push(target);
      }
      if (target) {
        this.channelMessages(target).push({
          channel: target,
          ts: this.nextTs(),
          user: this.botUserId,
          text: str(params.initial_comment),
          blocks: params.blocks as unknown[] | undefined,
          files: done.map((f) => f.id),
        });
      }
      return { files: done.map((f) => this.fileJson(f)) };
    },

    'files.info': (params) => {
      const file = this.files.get(String(params.file));
      if (!file?.completed) throw new SlackError('file_not_found');
      return { file: this.fileJson(file) };
    },
  };

  private fileJson(file: StoredFile): Record<string, unknown> {
    return {
      id: file.id,
      name: file.filename,
      title: file.title ?? file.filename,
      size: file.length,
      mimetype: file.filename.endsWith('.png') ? 'image/png' : 'application/octet-stream',
      url_private: `${this.base}files/${file.id}/${file.filename}`,
      permalink: `${this.base}files/${file.id}`,
      channels: [...file.channels],
      shares: file.channels.length
        ? { public: Object.fromEntries(file.channels.map((c) => [c, [{}]])) }
        : {},
      is_public: file.channels.length > 0,
    };
  }
}

/** Starts a stand-in on a free port of 127.0.0.1. Pair with `await standIn.stop()`. */
export async function startStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  return new SlackStandIn(options).start();
}

function send(
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
