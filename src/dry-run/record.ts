/**
 * One line of a dry run's `messages.jsonl`: a message the dry-run sink wrote to a folder
 * instead of posting. The sink (src/slack/delivery/dry-run.ts) writes it and the page
 * reads it, so its shape lives here, below both.
 */
export interface DryRunRecord {
  key: string;
  job: string;
  period: string;
  target: string;
  kind: 'post' | 'dm';
  text: string;
  /** Relative to the sink's folder. */
  json: string;
  files: string[];
  notBefore?: string;
}
