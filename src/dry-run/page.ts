/**
 * The dry run's `index.html`: every message as a person would browse it, grouped by job
 * and then by target (team channel, digest channel, agent), with a readable rendering of
 * its Block Kit (header, sections, context, images from the PNGs beside it, buttons) and
 * a link to its JSON. Self-contained: inline CSS, images by relative path, no scripts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { t } from '../messages/t.ts';
import { emojiHtml, escapeHtml, mrkdwnToHtml } from './mrkdwn.ts';
import type { DryRunRecord } from './record.ts';

type Text = { type?: string; text?: string };
type Block = {
  type: string;
  text?: Text;
  fields?: Text[];
  elements?: (Text & { action_id?: string; image_url?: string; alt_text?: string })[];
  accessory?: { type?: string; text?: Text };
  image_url?: string;
  alt_text?: string;
  title?: Text;
};

function textHtml(text: Text | undefined): string {
  if (!text?.text) return '';
  // plain_text is shown as written, emoji included (the app sets `emoji: true`).
  return text.type === 'mrkdwn' ? mrkdwnToHtml(text.text) : emojiHtml(escapeHtml(text.text));
}

function buttonHtml(text: Text | undefined): string {
  return `<button type="button" disabled>${escapeHtml(text?.text ?? '')}</button>`;
}

/** One block as HTML; unknown block types show their type so nothing disappears silently. */
export function blockHtml(block: Block): string {
  switch (block.type) {
    case 'header':
      return `<h3 class="b-header">${textHtml(block.text)}</h3>`;
    case 'section': {
      const fields = (block.fields ?? []).map((f) => `<div>${textHtml(f)}</div>`).join('');
      const accessory = block.accessory?.type === 'button' ? buttonHtml(block.accessory.text) : '';
      return `<div class="b-section"><div>${textHtml(block.text)}${fields ? `<div class="fields">${fields}</div>` : ''}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="b-context">${(block.elements ?? []).map((e) => (e.type === 'image' ? `<img src="${escapeHtml(e.image_url ?? '')}" alt="${escapeHtml(e.alt_text ?? '')}">` : `<span>${textHtml(e)}</span>`)).join(' ')}</div>`;
    case 'divider':
      return '<hr>';
    case 'image':
      return `<figure class="b-image"><img src="${escapeHtml(block.image_url ?? '')}" alt="${escapeHtml(block.alt_text ?? '')}"><figcaption>${escapeHtml(block.title?.text ?? '')}</figcaption></figure>`;
    case 'actions':
      return `<div class="b-actions">${(block.elements ?? []).map((e) => buttonHtml(e.text as Text)).join(' ')}</div>`;
    default:
      return `<div class="b-unknown">${escapeHtml(t('dryrun.unknown_block', { type: block.type }))}</div>`;
  }
}

export interface PageMessage extends DryRunRecord {
  blocks: Block[];
}

/** The page's stylesheet, one rule line an entry (CSS, not text a person reads). */
const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:820px;margin:2rem auto;padding:0 1rem;color:#1d1c1d;background:#f8f8f8}',
  '.message{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin:12px 0}',
  '.meta{font-size:12px;color:#616061;margin-bottom:8px}',
  '.b-header{margin:4px 0 8px}.b-section{display:flex;gap:12px;justify-content:space-between;margin:6px 0;line-height:1.45}',
  '.b-context{font-size:12px;color:#616061;margin:6px 0}.b-image img{max-width:100%;border:1px solid #eee}',
  'figure{margin:8px 0}figcaption{font-size:12px;color:#616061}blockquote{border-left:3px solid #ccc;margin:0;padding-left:8px}',
  'button{border:1px solid #bbb;border-radius:4px;background:#fff;padding:4px 10px}.mention{color:#1264a3}',
].join('\n');

/** "3 messages" (the `_one` form for exactly one). */
const count = (n: number, which: 'count' | 'summary') =>
  t(n === 1 ? `dryrun.${which}_one` : `dryrun.${which}_other`, { count: n });

export function renderPage(messages: readonly PageMessage[], title = t('dryrun.title')): string {
  const byJob = new Map<string, PageMessage[]>();
  for (const m of messages) byJob.set(m.job, [...(byJob.get(m.job) ?? []), m]);
  const sections = [...byJob.entries()].map(([job, list]) => {
    const items = [...list]
      .sort((a, b) => a.target.localeCompare(b.target))
      .map(
        (m) => `<article class="message" data-key="${escapeHtml(m.key)}">
<div class="meta">${escapeHtml(t(m.kind === 'dm' ? 'dryrun.dm_to' : 'dryrun.post_in'))} <strong>${escapeHtml(m.target)}</strong> · ${escapeHtml(m.period)}${m.notBefore ? ` · ${escapeHtml(t('dryrun.not_before', { time: m.notBefore }))}` : ''} · <a href="${escapeHtml(m.json)}">${escapeHtml(t('dryrun.json_link'))}</a></div>
${m.blocks.map(blockHtml).join('\n')}
</article>`,
      )
      .join('\n');
    return `<section class="job"><h2>${escapeHtml(job)} <small>(${escapeHtml(count(list.length, 'count'))})</small></h2>\n${items}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(count(messages.length, 'summary'))}</p>
${sections.join('\n')}
</body></html>
`;
}

/** Reads `<outDir>/messages.jsonl` and each message's JSON, and writes `<outDir>/index.html`. */
export async function writeDryRunPage(outDir: string): Promise<{ path: string; messages: number }> {
  let lines: string[];
  try {
    lines = (await readFile(join(outDir, 'messages.jsonl'), 'utf8')).split('\n').filter(Boolean);
  } catch {
    lines = [];
  }
  const messages: PageMessage[] = [];
  for (const line of lines) {
    const record = JSON.parse(line) as DryRunRecord;
    const full = JSON.parse(await readFile(join(outDir, record.json), 'utf8')) as {
      blocks: Block[];
    };
    // The sink writes image paths relative to the message's own folder; the page sits at the root.
    const base = dirname(record.json);
    const blocks = full.blocks.map((b) =>
      b.type === 'image' && b.image_url && !/^[a-z]+:/i.test(b.image_url)
        ? { ...b, image_url: join(base, b.image_url) }
        : b,
    );
    messages.push({ ...record, blocks });
  }
  const path = join(outDir, 'index.html');
  // A run with nothing to post wrote no message, so nothing made the folder yet.
  await mkdir(outDir, { recursive: true });
  await writeFile(path, renderPage(messages));
  return { path, messages: messages.length };
}
