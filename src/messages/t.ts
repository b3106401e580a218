/**
 * The one way user-facing text is produced: `t(key, params)` looks the key up in the
 * catalogue and fills `{name}` placeholders, so the app can be translated by adding a
 * catalogue, never by hunting strings through the code.
 */
import { en, type MessageKey } from './en.ts';

export type { MessageKey };
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues = { en } as const;
export type Locale = keyof typeof catalogues;

/**
 * The message for `key` with its `{placeholders}` filled.
 * @throws TypeError naming the key and placeholder when a parameter is missing, so a
 *   half-filled sentence never reaches a person.
 * @example t('usage.unknown', { input: 'foo' }) // 'I don’t know “foo”. …'
 */
export function t(key: MessageKey, params: MessageParams = {}, locale: Locale = 'en'): string {
  const template: string = catalogues[locale][key];
  if (template === undefined)
    throw new TypeError(`t: no message "${key}" in catalogue "${locale}"`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new TypeError(`t: message "${key}" needs the parameter "${name}"`);
    return typeof value === 'number' ? value.toLocaleString('en-US') : value;
  });
}
