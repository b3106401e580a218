/**
 * Reads a request body the ways Slack's Web API accepts one: form-encoded (what the
 * WebClient sends), JSON (with the token in the header), or multipart (file bytes).
 */
import type { IncomingMessage } from 'node:http';

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parameters whose values Slack expects JSON-stringified inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'files', 'view', 'metadata', 'attachments']);

/** Decodes a form or JSON body into parameters, parsing the JSON-valued fields. */
export function decodeParams(raw: Buffer, contentType: string): Record<string, unknown> {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let params: Record<string, unknown> = {};
  if (type === 'application/json') {
    params = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  } else {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) params[key] = value;
  }
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        params[key] = JSON.parse(value);
      } catch {
        params[key] = { __unparsable: value };
      }
    }
  }
  return params;
}

/**
 * The file bytes of an upload: the `body` part (or the first file part) of a multipart
 * body, or the raw body otherwise.
 */
export async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  const part = form.get('body') ?? [...form.values()].find((v) => typeof v !== 'string');
  if (part === null || part === undefined) return Buffer.alloc(0);
  if (typeof part === 'string') return Buffer.from(part, 'utf8');
  return Buffer.from(await part.arrayBuffer());
}
