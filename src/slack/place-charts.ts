/**
 * Charts for an ephemeral answer: uploaded privately with files.uploadV2's steps (no
 * channel, so the file is shared nowhere) and shown through `slack_file` image blocks.
 */
import type { WebClient } from '@slack/web-api';
import type { PlaceCharts } from './answer.ts';
import { uploadPrivateFile } from './delivery/upload.ts';

export function privateUpload(client: WebClient): PlaceCharts {
  return async (files) =>
    Promise.all(
      files.map(async (file) => ({
        fileId: await uploadPrivateFile(client, file, (_name, call) => call()),
        title: file.title,
        altText: file.alt_text,
      })),
    );
}
