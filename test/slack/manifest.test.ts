import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../blocks/ids.ts';
import { EVENTS_PATH } from '../../src/slack/app.ts';

// Rules from ../shared/SLACK-NOTES.md "The manifest", checked by hand against the schema.
const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8'));

describe('manifest.yml', () => {
  it('names the app in 1–35 characters and the bot in ≤ 80', () => {
    expect(manifest.display_information.name.length).toBeGreaterThanOrEqual(1);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });

  it('declares /teamhealth with description, usage hint and the events URL (HTTP mode)', () => {
    const [command] = manifest.features.slash_commands;
    expect(manifest.features.slash_commands).toHaveLength(1);
    expect(command.command).toBe(COMMAND);
    expect(command.command.length).toBeLessThanOrEqual(32);
    expect(command.description).toBeTruthy();
    expect(command.usage_hint).toContain('metric');
    expect(new URL(command.url).pathname).toBe(EVENTS_PATH);
  });

  it('enables the Home tab (views.publish needs it) and the messages tab', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('subscribes to app_home_opened and turns interactivity on at the events URL', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(EVENTS_PATH);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('asks for exactly the bot scopes the features use, and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'channels:history',
        'chat:write',
        'commands',
        'files:write',
        'groups:history',
        'im:history',
        'im:write',
        'users:read',
      ].sort(),
    );
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });
});
