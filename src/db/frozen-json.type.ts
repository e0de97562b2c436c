import { JsonType, type Platform, type TransformContext } from '@mikro-orm/core';
import { deepFreeze } from '../lib/deep-freeze.js';

/** Serialised text of each value seen, so a value is stringified once, not at every flush. */
const texts = new WeakMap<object, string>();

/**
 * A JSON column whose value is written once and then replaced, never edited in place (the
 * matcher's suggestions, frozen at import time). MikroORM snapshots a JSON property by
 * serialising it at every change-set computation; with 10,000 lines in the unit of work that
 * is 10,000 JSON.stringify calls per flush. Here each value is serialised once (cached by
 * identity) and frozen, so an in-place edit fails loudly instead of being missed.
 */
export class FrozenJsonType extends JsonType {
  override convertToDatabaseValue(value: unknown, platform: Platform, context?: TransformContext): string | null {
    if (value == null) return value as null;
    if (typeof value !== 'object') return super.convertToDatabaseValue(value, platform, context) as string;
    let text = texts.get(value);
    if (text === undefined) {
      text = super.convertToDatabaseValue(deepFreeze(value), platform, context) as string;
      texts.set(value, text);
    }
    return text;
  }

  override convertToJSValue(value: unknown, platform: Platform, context?: TransformContext): unknown {
    const text = typeof value === 'string' ? value : null;
    const parsed = super.convertToJSValue(value, platform, context);
    if (parsed && typeof parsed === 'object') {
      deepFreeze(parsed);
      texts.set(parsed, text ?? JSON.stringify(parsed));
    }
    return parsed;
  }

  override compareValues(a: unknown, b: unknown): boolean {
    return a === b;
  }
}
