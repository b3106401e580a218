/**
 * The one way data enters Slack mrkdwn (ARCHITECTURE.md, "Slack text is escaped";
 * SLACK-NOTES.md, "Text from data"). Slack parses `<…>` in mrkdwn as mentions
 * (`<!channel>`, `<@U…>`, `<#C…>`) and links (`<https://x|label>`), and a `>` at a
 * line's start as a quote. Replacing `&`, `<` and `>` by their entities (and only these
 * three, as Slack asks) makes any name, team name, tip, contact reason or initiative id
 * show exactly as written and mention no one, link nowhere.
 *
 * Use it on every piece of data placed in mrkdwn (section and context text, the `text`
 * fallback); never on `plain_text` (headers, buttons, alt text), which Slack shows as is.
 */

/**
 * @example escapeMrkdwn('Ask <!channel> & *me*') // 'Ask &lt;!channel&gt; &amp; *me*'
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * What Slack shows for escaped mrkdwn: the three entities back to their characters (for
 * tests and the dry-run page; `&amp;` last, so `&amp;lt;` stays `&lt;`).
 * @example unescapeMrkdwn('&lt;!here&gt; &amp;amp;') // '<!here> &amp;'
 */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
