/** The inbox (TEAMHEALTH_INBOX, `teamhealth import --watch`): see inbox.ts. */
export { createInbox, type Inbox, type InboxSummary } from './inbox.ts';
export { type RunningInbox, startInbox } from './start-inbox.ts';
export { inboxSummaryBlocks, inboxSummaryText } from './summary-message.ts';
