/**
 * An inbox scan's summary as a Slack message for the ops channel. File names and
 * problems come from files, so they go only into plain_text (Slack renders no mention
 * or link from it); the notification text carries counts only. Slack allows 50 blocks:
 * past 45 files the rest are counted in a visible last line, never silently cut.
 */
import type { KnownBlock } from '@slack/types';
import type { InboxSummary } from './inbox.ts';

const MAX_FILES = 45;
const MAX_TEXT = 2900;

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/**
 * @example inboxSummaryText({ at: '…', files: [{ outcome: 'done' }, { outcome: 'rejected' }] })
 * // 'teamhealth inbox: 2 files: 1 imported, 1 rejected, 0 duplicates'
 */
export function inboxSummaryText(summary: Pick<InboxSummary, 'files'>): string {
  const count = (outcome: string) => summary.files.filter((f) => f.outcome === outcome).length;
  const n = summary.files.length;
  return `teamhealth inbox: ${n} file${n === 1 ? '' : 's'}: ${count('done')} imported, ${count('rejected')} rejected, ${count('duplicate')} duplicate${count('duplicate') === 1 ? '' : 's'}`;
}

export function inboxSummaryBlocks(summary: InboxSummary): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Inbox import' } },
    {
      type: 'context',
      elements: [{ type: 'plain_text', text: `${inboxSummaryText(summary)} (${summary.at})` }],
    },
  ];
  for (const file of summary.files.slice(0, MAX_FILES)) {
    const lines = [`${file.outcome.toUpperCase()}: ${file.detail}`, ...file.problems];
    blocks.push({ type: 'section', text: { type: 'plain_text', text: cut(lines.join('\n')) } });
  }
  const rest = summary.files.length - MAX_FILES;
  if (rest > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'plain_text', text: `… and ${rest} more files (see the log)` }],
    });
  }
  return blocks;
}
