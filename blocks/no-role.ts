/** For someone with no role: a friendly explanation and how to get access, nothing else. */
import { t } from '../src/messages/t.ts';
import { header, type SlackMessage, section } from './message.ts';

export function buildNoRoleBlocks(): SlackMessage {
  return {
    text: t('access.no_role.title'),
    blocks: [
      header(t('access.no_role.title')),
      section(t('access.no_role.body')),
      section(t('access.no_role.how')),
    ],
  };
}
