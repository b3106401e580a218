/**
 * Slack mrkdwn basics as HTML for the dry-run page: escaping first, then *bold*,
 * _italic_, ~strike~, `code`, > quotes, <#C…|name> and <url|label> links, line breaks.
 * @example mrkdwnToHtml('*CSAT* <b>') // '<strong>CSAT</strong> &lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function mrkdwnToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const quote = line.startsWith('>');
      let html = escapeHtml(quote ? line.slice(1) : line);
      html = html
        .replace(/&lt;#[A-Z0-9]+\|([^&]*)&gt;/g, '<span class="mention">#$1</span>')
        .replace(/&lt;#([A-Z0-9]+)&gt;/g, '<span class="mention">#$1</span>')
        .replace(/&lt;(https?:[^|&]+)\|([^&]*)&gt;/g, '<a href="$1">$2</a>')
        .replace(/`([^`]+)`/g, '<code>$1</code>')
        .replace(/(^|[\s(])\*([^*]+)\*/g, '$1<strong>$2</strong>')
        .replace(/(^|[\s(])_([^_]+)_/g, '$1<em>$2</em>')
        .replace(/(^|[\s(])~([^~]+)~/g, '$1<s>$2</s>');
      return quote ? `<blockquote>${html}</blockquote>` : html;
    })
    .join('<br>');
}
