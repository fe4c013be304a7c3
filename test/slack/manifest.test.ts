/** The Slack app manifest asks for what the surface handles: its routes, its events, its scopes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/paths.js';

const manifest = parse(readFileSync(path.join(PROJECT_ROOT, 'docs/slack-app-manifest.yaml'), 'utf8')) as {
  features: { app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
};
const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

describe('Slack app manifest', () => {
  it('points Slack at our two routes and subscribes to the events the surface answers', () => {
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe('/slack/events');
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe('/slack/interactions');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'im:history', 'im:read', 'im:write']);
  });

  it('is explained in the README', () => {
    expect(readme).toMatch(/^## Slack$/m);
    expect(readme).toContain('docs/slack-app-manifest.yaml');
  });
});
