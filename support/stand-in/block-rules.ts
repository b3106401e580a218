/**
 * Block Kit validation as Slack's API applies it, for the stand-in. The numbers are
 * written out here from Slack's reference (docs.slack.dev/reference/block-kit) rather
 * than imported from blocks/limits.ts, so a wrong constant in the app cannot agree with
 * itself in the tests.
 */

export type Surface = 'message' | 'modal' | 'home';

/** What a block-level check needs to know about uploaded files. */
export interface FileLookup {
  /** True when the file exists, its upload completed, and it may be referenced now. */
  isUsable(id: string): boolean;
}

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function textOf(value: unknown): string | undefined {
  return isObj(value) && typeof value.text === 'string' ? value.text : undefined;
}

/**
 * Returns one `[ERROR] … [json-pointer:…]` line per problem, the shape Slack puts in
 * `response_metadata.messages`; empty when the blocks are valid.
 */
export function validateBlocks(blocks: unknown, surface: Surface, files: FileLookup): string[] {
  const problems: string[] = [];
  const err = (message: string, pointer: string) =>
    problems.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  if (!Array.isArray(blocks)) {
    err('must be an array', '/blocks');
    return problems;
  }
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) err(`must be less than ${max + 1} items`, '/blocks');
  blocks.forEach((block, index) => {
    checkBlock(block, `/blocks/${index}`, err, files);
  });
  return problems;
}

function checkBlock(
  block: unknown,
  at: string,
  err: (message: string, pointer: string) => void,
  files: FileLookup,
): void {
  if (!isObj(block) || typeof block.type !== 'string') {
    err('must be an object with a type', at);
    return;
  }
  if (typeof block.block_id === 'string' && block.block_id.length > 255) {
    err('must be less than 256 characters', `${at}/block_id`);
  }
  switch (block.type) {
    case 'section': {
      const text = textOf(block.text);
      if (block.text !== undefined) {
        if (text === undefined || text.length < 1)
          err('must be more than 0 characters', `${at}/text`);
        else if (text.length > 3000) err('must be less than 3001 characters', `${at}/text`);
      }
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) err('must be an array', `${at}/fields`);
        else {
          if (block.fields.length > 10) err('must be less than 11 items', `${at}/fields`);
          block.fields.forEach((field, i) => {
            const t = textOf(field);
            if (t === undefined || t.length < 1)
              err('must be more than 0 characters', `${at}/fields/${i}`);
            else if (t.length > 2000) err('must be less than 2001 characters', `${at}/fields/${i}`);
          });
        }
      }
      if (block.text === undefined && block.fields === undefined) {
        err('must provide either text or fields', at);
      }
      if (block.accessory !== undefined)
        checkElement(block.accessory, `${at}/accessory`, err, files);
      return;
    }
    case 'header': {
      const text = textOf(block.text);
      if (!isObj(block.text) || block.text.type !== 'plain_text') {
        err('must be a plain_text object', `${at}/text`);
      } else if (text === undefined || text.length < 1)
        err('must be more than 0 characters', `${at}/text`);
      else if (text.length > 150) err('must be less than 151 characters', `${at}/text`);
      return;
    }
    case 'context': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        err('must provide at least 1 element', `${at}/elements`);
      } else {
        if (block.elements.length > 10) err('must be less than 11 items', `${at}/elements`);
        block.elements.forEach((el, i) => {
          checkElement(el, `${at}/elements/${i}`, err, files);
        });
      }
      return;
    }
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        err('must provide at least 1 element', `${at}/elements`);
      } else {
        if (block.elements.length > 25) err('must be less than 26 items', `${at}/elements`);
        block.elements.forEach((el, i) => {
          checkElement(el, `${at}/elements/${i}`, err, files);
        });
      }
      return;
    }
    case 'image':
      checkImage(block, at, err, files);
      if (block.title !== undefined) {
        const t = textOf(block.title);
        if (t !== undefined && t.length > 2000)
          err('must be less than 2001 characters', `${at}/title`);
      }
      return;
    case 'input': {
      const label = textOf(block.label);
      if (label === undefined || label.length < 1) err('must provide a label', `${at}/label`);
      else if (label.length > 2000) err('must be less than 2001 characters', `${at}/label`);
      if (!isObj(block.element)) err('must provide an element', `${at}/element`);
      else checkElement(block.element, `${at}/element`, err, files);
      return;
    }
    case 'divider':
    case 'rich_text':
    case 'markdown':
    case 'file':
    case 'video':
      return;
    default:
      err(`unsupported type: ${block.type}`, `${at}/type`);
  }
}

function checkImage(
  image: Obj,
  at: string,
  err: (message: string, pointer: string) => void,
  files: FileLookup,
): void {
  if (typeof image.alt_text !== 'string' || image.alt_text.length === 0) {
    err('must provide alt_text', `${at}/alt_text`);
  } else if (image.alt_text.length > 2000)
    err('must be less than 2001 characters', `${at}/alt_text`);
  const hasUrl = image.image_url !== undefined;
  const hasFile = image.slack_file !== undefined;
  if (hasUrl === hasFile) {
    err('must provide exactly one of image_url or slack_file', at);
    return;
  }
  if (hasFile) {
    const file = image.slack_file;
    const id = isObj(file) && typeof file.id === 'string' ? file.id : undefined;
    const url = isObj(file) && typeof file.url === 'string' ? file.url : undefined;
    if (id === undefined && url === undefined) err('invalid slack file', `${at}/slack_file`);
    else if (id !== undefined && !files.isUsable(id)) err('invalid slack file', `${at}/slack_file`);
  } else if (typeof image.image_url !== 'string' || image.image_url.length > 3000) {
    err('must be a url of less than 3001 characters', `${at}/image_url`);
  }
}

function checkElement(
  element: unknown,
  at: string,
  err: (message: string, pointer: string) => void,
  files: FileLookup,
): void {
  if (!isObj(element) || typeof element.type !== 'string') {
    err('must be an object with a type', at);
    return;
  }
  if (typeof element.action_id === 'string' && element.action_id.length > 255) {
    err('must be less than 256 characters', `${at}/action_id`);
  }
  if (element.type === 'image') {
    checkImage(element, at, err, files);
    return;
  }
  if (element.type === 'mrkdwn' || element.type === 'plain_text') {
    if (typeof element.text !== 'string') err('must provide text', `${at}/text`);
    return;
  }
  if (element.type === 'button') {
    const text = textOf(element.text);
    if (text === undefined || text.length < 1) err('must provide text', `${at}/text`);
    else if (text.length > 75) err('must be less than 76 characters', `${at}/text`);
    if (typeof element.value === 'string' && element.value.length > 2000) {
      err('must be less than 2001 characters', `${at}/value`);
    }
    if (typeof element.url === 'string' && element.url.length > 3000) {
      err('must be less than 3001 characters', `${at}/url`);
    }
  }
}
