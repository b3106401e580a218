/**
 * Slack mrkdwn basics as HTML for the dry-run page, shown the way Slack shows them:
 * `<…>` markup (channel mentions, links) first, then the text between, whose `&amp;`,
 * `&lt;` and `&gt;` (data escaped by src/messages/mrkdwn.ts) read as `&`, `<` and `>`;
 * then *bold*, _italic_, ~strike~, `code`, a `>` quote at a line's start, the emoji
 * shortcodes the app uses (`:large_green_circle:` → 🟢), line breaks.
 * @example mrkdwnToHtml('*CSAT* &lt;b&gt; :warning:') // '<strong>CSAT</strong> &lt;b&gt; ⚠️'
 */
import { unescapeMrkdwn } from '../messages/mrkdwn.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Every emoji shortcode the app's messages use, as Slack draws it. */
export const EMOJI: Readonly<Record<string, string>> = {
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  red_circle: '🔴',
  white_circle: '⚪',
  warning: '⚠️',
  bulb: '💡',
  clap: '👏',
  dart: '🎯',
  rocket: '🚀',
  star: '⭐',
  star2: '🌟',
  tada: '🎉',
  trophy: '🏆',
};

/** `:name:` → its emoji when known; unknown shortcodes stay as written. */
export function emojiHtml(html: string): string {
  return html.replace(/:([a-z0-9_+-]+):/g, (code, name: string) => EMOJI[name] ?? code);
}

/** One `<…>` token of Slack markup as HTML. */
function markupHtml(inner: string): string {
  const [target = '', label] = inner.split('|');
  if (target.startsWith('#'))
    return `<span class="mention">#${escapeHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith('@') || target.startsWith('!'))
    return `<span class="mention">@${escapeHtml(label ?? target.slice(1))}</span>`;
  if (/^https?:/.test(target))
    return `<a href="${escapeHtml(target)}">${escapeHtml(label ?? target)}</a>`;
  return escapeHtml(`<${inner}>`);
}

/** Text between markup: Slack's entities read back, HTML-escaped, then formatted. */
function textHtml(text: string): string {
  return emojiHtml(
    escapeHtml(unescapeMrkdwn(text))
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/(^|[\s(])\*([^*]+)\*/g, '$1<strong>$2</strong>')
      .replace(/(^|[\s(])_([^_]+)_/g, '$1<em>$2</em>')
      .replace(/(^|[\s(])~([^~]+)~/g, '$1<s>$2</s>'),
  );
}

export function mrkdwnToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      // Only a literal `>` quotes; data's `&gt;` was escaped so that it cannot.
      const quote = line.startsWith('>');
      const body = quote ? line.slice(1) : line;
      const html = body
        .split(/(<[^<>]*>)/)
        .map((part) =>
          part.startsWith('<') && part.endsWith('>')
            ? markupHtml(part.slice(1, -1))
            : textHtml(part),
        )
        .join('');
      return quote ? `<blockquote>${html}</blockquote>` : html;
    })
    .join('<br>');
}
