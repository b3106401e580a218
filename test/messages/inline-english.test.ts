/**
 * No user-visible English outside the catalogue: every string or template literal in the
 * files that build what people read is checked, and one with two or more words (tokens
 * between spaces holding at least two letters) must be something a person never reads:
 * a catalogue key or import path (never has spaces anyway), a log message (the string
 * arguments of logger.debug/info/warn/error), an error for operators (the arguments of
 * `new …Error(…)`), or an entry of the short allowlist below. Anything else is inline
 * English that a translation would miss: move it to src/messages/en.ts and use t().
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type Literal, literalsOf, programOf, tsFiles } from './source-scan.ts';

/**
 * Where user-visible text is built: the Slack surfaces, the charts (titles, axes, no-data
 * cards), the analytics (report `reasons` and `action`s) and the metric names and units.
 */
const SCANNED = [
  'blocks',
  'jobs',
  'src/slack/listeners',
  'src/slack/answer.ts',
  'src/slack/home.ts',
  'src/dry-run',
  'src/charts',
  'src/analytics',
  'src/messages/format.ts',
  'src/domain/metrics.ts',
];

/** Files under SCANNED that build no text for people, and why. Keep it short. */
const NOT_SCANNED: readonly { file: string; why: string }[] = [
  {
    file: 'src/analytics/options.ts',
    why: 'validates operator configuration: its problems are collected and thrown as one Error',
  },
];

/**
 * Literals that look like English but are not read by a person as app text. Each entry:
 * file, the exact literal text, and why. Keep it short; prefer the catalogue.
 */
const ALLOWED: readonly { file: string; text: string; why: string }[] = [
  { file: 'src/charts/fonts.ts', text: 'DejaVu Sans', why: 'a font family name' },
  {
    file: 'jobs/run-lease.ts',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the scan writes substitutions as ${…}
    text: 'teamhealth ${…}, pid ${…} on ${…}${…}',
    why: 'a lease holder name for operators (logs, `teamhealth run`), parsed back by holderProcess',
  },
];

const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/**
 * Two or more words: tokens between spaces made of letters (with apostrophes or hyphens)
 * and at most punctuation around them. HTML tags and `${…}` substitutions are dropped
 * first; a token with code inside (`font-size:12px`, `teamhealth_share`, `a.b`) is no word.
 * @example looksLikeWords('Post in ${…}') // true
 * @example looksLikeWords('<div class="b-context">${…}</div>') // false
 */
function looksLikeWords(text: string): boolean {
  // A substitution becomes one letter: never a word alone, and glued to its neighbours.
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\$\{…\}/g, 'X');
  const word = /^[\p{P}\p{S}]*\p{L}[\p{L}'’-]*\p{L}[\p{P}\p{S}]*$/u;
  // `#eee` is a colour and `#C0BILLING` a channel, not words.
  return (
    plain.split(/\s+/).filter((token) => !token.startsWith('#') && word.test(token)).length >= 2
  );
}

/** Whether a literal is (within) an argument of a log call or `new …Error(…)`, or a t() key. */
function isNotAppText(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      if (LOG_METHODS.has(n.expression.name.text)) return true;
    }
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && /Error$/.test(n.expression.text))
      return true;
    // The key given to the catalogue's t() or tn() is a key, not text.
    if (
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      (n.expression.text === 't' || n.expression.text === 'tn')
    )
      return (
        n.arguments[0] !== undefined &&
        n.arguments[0].pos <= node.pos &&
        node.end <= n.arguments[0].end
      );
    // A function boundary ends the search: its literals are not the call's arguments.
    if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

/** Literal types in type positions (`'post' | 'dm'`) are never shown. */
const inTypePosition = (node: ts.Node) => ts.isLiteralTypeNode(node.parent);

function offending(literals: readonly Literal[]): string[] {
  return literals
    .filter((l) => looksLikeWords(l.text))
    .filter((l) => !inTypePosition(l.node) && !isNotAppText(l.node))
    .filter((l) => !ALLOWED.some((a) => a.file === l.file && a.text === l.text))
    .map((l) => `${l.file}:${l.line} ${JSON.stringify(l.text.slice(0, 80))}`);
}

const files = tsFiles(SCANNED).filter((f) => !NOT_SCANNED.some((n) => n.file === f));
const program = programOf(files);

describe('user-visible text comes from the catalogue', () => {
  it('scans the block builders, the jobs, the Slack listeners, charts and analytics', () => {
    for (const f of [
      'blocks/team-charts.ts',
      'jobs/director-digest.ts',
      'blocks/app-home.ts',
      'src/charts/spec.ts',
      'src/charts/no-data.ts',
      'src/charts/renderer.ts',
      'src/analytics/balance.ts',
      'src/analytics/enablement.ts',
      'src/analytics/health.ts',
      'src/messages/format.ts',
      'src/domain/metrics.ts',
    ])
      expect(files).toContain(f);
  });

  it.each(files)('%s has no inline English', (file) => {
    expect(offending(literalsOf(program, file))).toEqual([]);
  });
});

describe('the inline-English check itself', () => {
  const check = (code: string) => {
    const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true);
    const found: Literal[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isTemplateExpression(node))
        found.push({
          file: 'x.ts',
          line: 1,
          text: ts.isStringLiteral(node) ? node.text : node.head.text,
          node,
        });
      ts.forEachChild(node, visit);
    };
    visit(source);
    return offending(found);
  };

  it('flags a sentence in a section, and a template with two words around a name', () => {
    expect(check("section('Team figures only, please.')")).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, on purpose
    expect(check('header(`Daily trend for ${team}`)')).toHaveLength(1);
  });

  it('lets through keys, ids, single words, log messages and operator errors', () => {
    expect(check("t('charts_post.header', { team })")).toEqual([]);
    expect(check("actions([b], 'teamhealth_nudge_actions')")).toEqual([]);
    expect(check("button({ text: 'Open' })")).toEqual([]);
    expect(check("deps.logger.warn({ user }, 'open-team DM failed')")).toEqual([]);
    expect(check("throw new TypeError('builder needs a team id')")).toEqual([]);
  });
});
