/** Per-person settings, keyed by Slack user id. */
import type { Settings } from '../../domain/surfaces.ts';
import type { DocCollection, IndexSpec } from '../collection.ts';
import type { SettingsStore } from '../types.ts';
import { checkId, fromDoc, toDoc } from './documents.ts';

export const SETTINGS = 'settings';
export const settingsIndexes: IndexSpec[] = [];

export function makeSettingsStore(coll: DocCollection): SettingsStore {
  return {
    get: async ({ slackUserId }) => {
      const [doc] = await coll.find({ _id: slackUserId }, { limit: 1 });
      return doc ? fromDoc<Settings>(doc) : null;
    },
    /** Replaces the person's settings as a whole. */
    upsert: async ({ settings }) => {
      checkId(settings.slack_user_id, 'settings.upsert: settings.slack_user_id');
      await coll.upsertMany([toDoc(settings.slack_user_id, { ...settings })]);
    },
  };
}
