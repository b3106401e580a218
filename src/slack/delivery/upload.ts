/**
 * Uploads one file privately with the files.uploadV2 flow, step by step so each step
 * gets the engine's retry policy: files.getUploadURLExternal → POST the bytes to the
 * upload URL → files.completeUploadExternal *without* channel_id, which keeps the file
 * private to the app until an image block shows it (SLACK-NOTES.md).
 */
import type { WebClient } from '@slack/web-api';
import { SlackDeliveryError } from '../../errors.ts';
import { slackFailure } from '../classify-slack-error.ts';
import type { Step } from './retry-policy.ts';
import type { OutgoingFile } from './types.ts';

export async function uploadPrivateFile(
  client: WebClient,
  file: OutgoingFile,
  step: Step,
): Promise<string> {
  if (!file.filename || file.bytes.length === 0) {
    throw new Error(
      `uploadPrivateFile needs a filename and non-empty bytes (file "${file.filename}")`,
    );
  }
  const { upload_url: uploadUrl, file_id: fileId } = await step('files.getUploadURLExternal', () =>
    client.files.getUploadURLExternal({
      filename: file.filename,
      length: file.bytes.length,
      alt_text: file.alt_text,
    }),
  );
  if (!uploadUrl || !fileId) {
    throw new SlackDeliveryError(
      slackFailure('permanent', 'no_upload_url', {
        detail: `files.getUploadURLExternal gave no upload_url for ${file.filename}`,
      }),
    );
  }
  await step('upload_url', () => postBytes(uploadUrl, file.bytes, client.token));
  await step('files.completeUploadExternal', () =>
    client.files.completeUploadExternal({ files: [{ id: fileId, title: file.title }] }),
  );
  return fileId;
}

async function postBytes(url: string, bytes: Buffer, token: string | undefined): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: new Uint8Array(bytes),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new SlackDeliveryError(
      slackFailure('transient', 'network', { detail: `network: ${(error as Error).message}` }),
      error,
    );
  }
  if (response.ok) {
    await response.arrayBuffer();
    return;
  }
  const body = await response.text();
  const kind = response.status === 429 || response.status >= 500 ? 'transient' : 'permanent';
  throw new SlackDeliveryError(
    slackFailure(kind, `upload_http_${response.status}`),
    new Error(`upload to ${url} answered ${response.status}: ${body.slice(0, 200)}`),
  );
}
