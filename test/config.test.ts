/**
 * Settings come from the environment through loadConfig only: defaults when unset, and
 * one ConfigError naming every bad setting at once.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

function problemsOf(env: Record<string, string>): string {
  let thrown: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  return (thrown as Error).message;
}

describe('loadConfig', () => {
  it('fills in the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataDir: './data',
      port: 3000,
      directorIds: [],
      workingHours: { start: '09:00', end: '17:00' },
      slackPostsPerMinute: 300,
      logLevel: 'info',
    });
    expect(config.slack.socketMode).toBe(false);
  });

  it('reads the posting pace', () => {
    expect(loadConfig({ TEAMHEALTH_SLACK_POSTS_PER_MINUTE: '900' }).slackPostsPerMinute).toBe(900);
  });

  it.each([
    ['0', 'must be at least 1'],
    ['6001', 'must be at most 6000'],
    ['12.5', 'must be a whole number'],
    ['fast', 'TEAMHEALTH_SLACK_POSTS_PER_MINUTE'],
  ])('refuses TEAMHEALTH_SLACK_POSTS_PER_MINUTE=%s', (value, expected) => {
    const message = problemsOf({ TEAMHEALTH_SLACK_POSTS_PER_MINUTE: value });
    expect(message).toContain('TEAMHEALTH_SLACK_POSTS_PER_MINUTE');
    expect(message).toContain(expected);
  });

  // The MongoDB manual's connection string examples (Connection Strings, "Self-Hosted
  // Deployment Connection String Examples" and the Atlas SRV form), which `new URL()`
  // refused whenever they listed several hosts.
  it.each([
    'mongodb://mongodb0.example.com:27017',
    'mongodb://mongodb0.example.com:27017,mongodb1.example.com:27017,mongodb2.example.com:27017/?replicaSet=myRepl',
    'mongodb://myDBReader:D1fficultP%40ssw0rd@mongodb0.example.com:27017,mongodb1.example.com:27017,mongodb2.example.com:27017/?authSource=admin&replicaSet=myRepl',
    'mongodb://mongos0.example.com:27017,mongos1.example.com:27017,mongos2.example.com:27017',
    'mongodb://h1:27017,h2:27017/ops?replicaSet=rs0',
    'mongodb+srv://server.example.com/',
    'mongodb+srv://myDatabaseUser:D1fficultP%40ssw0rd@cluster0.example.mongodb.net/?retryWrites=true&w=majority',
  ])('accepts MONGODB_URI=%s', (uri) => {
    expect(loadConfig({ MONGODB_URI: uri }).mongoUri).toBe(uri);
  });

  it.each([
    'postgres://db.example.com/ops',
    'https://mongodb0.example.com',
    'mongodb0.example.com:27017',
    'mongodb://',
  ])('refuses MONGODB_URI=%s in one line naming the setting and both schemes', (uri) => {
    const message = problemsOf({ MONGODB_URI: uri });
    expect(message).toMatch(
      /^Invalid configuration: MONGODB_URI must start with mongodb:\/\/ or mongodb\+srv:\/\/$/,
    );
  });

  it('reads each team’s weekly post slot, Monday 09:00 by default', () => {
    expect(loadConfig({}).teamPosts).toEqual({
      default: { weekday: 1, hour: 9, minute: 0 },
      teams: {},
    });
    expect(loadConfig({ TEAMHEALTH_TEAM_POSTS: 'wed 08:30; T2=fri 16:00' }).teamPosts).toEqual({
      default: { weekday: 3, hour: 8, minute: 30 },
      teams: { T2: { weekday: 5, hour: 16, minute: 0 } },
    });
    const message = problemsOf({ TEAMHEALTH_TEAM_POSTS: 'T2=someday' });
    expect(message).toContain('TEAMHEALTH_TEAM_POSTS');
    expect(message).toContain('not a weekly time');
  });

  it('names every bad setting in one message', () => {
    const message = problemsOf({
      PORT: '70000',
      TEAMHEALTH_WORKING_HOURS: '9-5',
      TEAMHEALTH_DIRECTOR_IDS: 'alice',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
    });
    for (const name of [
      'PORT',
      'TEAMHEALTH_WORKING_HOURS',
      'TEAMHEALTH_DIRECTOR_IDS',
      'SLACK_BOT_TOKEN',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('requires the Slack token and signing secret when asked to', () => {
    expect(() => loadConfig({}, { require: ['slack'] })).toThrow(
      /SLACK_BOT_TOKEN is required.*SLACK_SIGNING_SECRET is required/,
    );
    // Socket Mode needs the app token instead of the signing secret.
    const socket = loadConfig(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' },
      { require: ['slack'] },
    );
    expect(socket.slack.socketMode).toBe(true);
  });
});
