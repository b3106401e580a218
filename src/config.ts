/**
 * Every setting, read from the environment and validated once. Only this file reads
 * process.env. A bad setting stops the app with one line naming every problem.
 */
import * as z from 'zod';
import { parseTeamPosts, type WeeklySlot } from './domain/team-cadence.ts';
import { ConfigError } from './errors.ts';

const slackId = /^[UWBC][A-Z0-9]{2,}$/;
const csvList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

const schema = z.object({
  // Only the scheme is checked here: a MongoDB URI is not a WHATWG URL (a replica set
  // lists several hosts, `h1:27017,h2:27017`, which `new URL()` refuses). The driver
  // parses the rest when the store opens, and a URI it refuses stops the app with one
  // line naming MONGODB_URI (src/store/mongo/open-mongo.ts).
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/./, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  TEAMHEALTH_DB: z.string().min(1).optional(),
  TEAMHEALTH_DATA_DIR: z.string().min(1).default('./data'),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must start with xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'must be the app signing secret').optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must start with xapp-')
    .optional(),
  SLACK_API_URL: z
    .string()
    .url()
    .transform((url) => (url.endsWith('/') ? url : `${url}/`))
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TEAMHEALTH_DIRECTOR_IDS: z
    .string()
    .optional()
    .transform(csvList)
    .refine(
      (ids) => ids.every((id) => slackId.test(id)),
      'must be Slack user ids, comma-separated',
    ),
  TEAMHEALTH_DIGEST_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD')
    .optional(),
  TEAMHEALTH_WORKING_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must look like 09:00-17:00')
    .default('09:00-17:00'),
  TEAMHEALTH_SLACK_POSTS_PER_MINUTE: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(6000, 'must be at most 6000 (100 a second)')
    .default(300),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  // The inbox (src/ingest/inbox/): a folder `serve` imports dropped files from.
  TEAMHEALTH_INBOX: z.string().min(1).optional(),
  TEAMHEALTH_INBOX_SCAN_SECONDS: z.coerce
    .number()
    .min(0.1, 'must be at least 0.1')
    .max(3600, 'must be at most 3600')
    .default(30),
  TEAMHEALTH_OPS_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD')
    .optional(),
  /** The weekly team-channel post: "mon 09:00", with per-team overrides "; T2=fri 16:30". */
  TEAMHEALTH_TEAM_POSTS: z
    .string()
    .default('mon 09:00')
    .transform((text, ctx) => {
      try {
        return parseTeamPosts(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export interface Config {
  mongoUri?: string;
  mongoDb?: string;
  dataDir: string;
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    /** Socket Mode when an app-level token is set. */
    socketMode: boolean;
  };
  port: number;
  directorIds: string[];
  digestChannel?: string;
  workingHours: { start: string; end: string };
  /** chat.postMessage calls a minute across the workspace (the delivery engine's pace). */
  slackPostsPerMinute: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** TEAMHEALTH_INBOX: the folder `serve` imports from, scanned every scanSeconds. */
  inbox?: { dir: string; scanSeconds: number };
  /** TEAMHEALTH_INBOX_SCAN_SECONDS, also for `import --watch <dir>`. */
  inboxScanSeconds: number;
  /** TEAMHEALTH_OPS_CHANNEL: where the inbox posts its summaries. */
  opsChannel?: string;
  /** TEAMHEALTH_TEAM_POSTS: each team's weekly post day and time, in the team's zone. */
  teamPosts: { default: WeeklySlot; teams: Record<string, WeeklySlot> };
}

export type Requirement = 'slack';

/**
 * Reads and validates the settings. With `require: ['slack']`, the Slack token and
 * signing secret must be present.
 * @throws ConfigError naming every missing or malformed setting at once.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: { require?: Requirement[] } = {},
): Config {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')} ${issue.message}`);
    }
  }
  if (options.require?.includes('slack')) {
    if (!env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN is required (xoxb-…)');
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      problems.push('SLACK_SIGNING_SECRET is required in HTTP mode');
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const v = parsed.data;
  const [start = '09:00', end = '17:00'] = v.TEAMHEALTH_WORKING_HOURS.split('-');
  return {
    mongoUri: v.MONGODB_URI,
    mongoDb: v.TEAMHEALTH_DB,
    dataDir: v.TEAMHEALTH_DATA_DIR,
    slack: {
      botToken: v.SLACK_BOT_TOKEN,
      signingSecret: v.SLACK_SIGNING_SECRET,
      appToken: v.SLACK_APP_TOKEN,
      apiUrl: v.SLACK_API_URL,
      socketMode: Boolean(v.SLACK_APP_TOKEN),
    },
    port: v.PORT,
    directorIds: v.TEAMHEALTH_DIRECTOR_IDS,
    digestChannel: v.TEAMHEALTH_DIGEST_CHANNEL,
    workingHours: { start, end },
    slackPostsPerMinute: v.TEAMHEALTH_SLACK_POSTS_PER_MINUTE,
    logLevel: v.LOG_LEVEL,
    ...(v.TEAMHEALTH_INBOX
      ? { inbox: { dir: v.TEAMHEALTH_INBOX, scanSeconds: v.TEAMHEALTH_INBOX_SCAN_SECONDS } }
      : {}),
    inboxScanSeconds: v.TEAMHEALTH_INBOX_SCAN_SECONDS,
    ...(v.TEAMHEALTH_OPS_CHANNEL ? { opsChannel: v.TEAMHEALTH_OPS_CHANNEL } : {}),
    teamPosts: v.TEAMHEALTH_TEAM_POSTS,
  };
}
