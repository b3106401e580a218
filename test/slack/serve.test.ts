import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveCommand } from '../../src/commands/serve.ts';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('teamhealth serve', () => {
  it('stops with one line naming each missing setting', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const code = await serveCommand({}, { env: {} });
    expect(code).toBe(1);
    expect(process.exitCode).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SLACK_BOT_TOKEN is required');
    expect(lines[0]).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
  });

  it('names a malformed setting', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    await serveCommand(
      {},
      { env: { SLACK_BOT_TOKEN: 'not-a-bot-token', SLACK_SIGNING_SECRET: 'secret-123456' } },
    );
    expect(lines.join('')).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
  });
});
