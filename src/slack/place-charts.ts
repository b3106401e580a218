/**
 * How an answer's charts reach its message: uploaded privately now (an ephemeral answer),
 * or left for the delivery engine to upload with the message it posts.
 */
import type { WebClient } from '@slack/web-api';
import type { ChartImage } from '../../blocks/message.ts';
import type { PlaceCharts } from './answer.ts';
import { fileRef } from './delivery/file-refs.ts';
import type { OutgoingFile } from './delivery/types.ts';
import { uploadPrivateFile } from './delivery/upload.ts';

/**
 * Uploaded privately with files.uploadV2's steps (no channel, so the file is shared
 * nowhere) and shown through `slack_file` image blocks.
 */
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

/**
 * Left for the delivery engine: each chart is pushed onto `files`, and its image block
 * refers to it by `fileRef` until the engine uploads it with the message.
 */
export function collectFiles(files: OutgoingFile[]): PlaceCharts {
  return async (made) => {
    files.push(...made);
    return made.map(
      (f): ChartImage => ({ fileId: fileRef(f.filename), title: f.title, altText: f.alt_text }),
    );
  };
}
