import { RE2JS } from 're2js';
import { z } from 'zod';

/**
 * The regex engine of payload validation. A registered `pattern` is a plugin's text run on
 * every payload, in the server every tenant shares: a backtracking engine would let one
 * pattern like `^(a+)+$` stall it for seconds per event. RE2 (re2js, pure JavaScript) matches
 * in linear time; a pattern it cannot run (lookaround, backreferences) does not compile, so
 * its registration is refused naming the field. The one exception is the patterns zod itself
 * writes beside its string formats (a few use lookaround): they are zod's vetted regexes, so
 * they run on the native engine.
 */
export const linearRegExp = Object.assign(compileLinear, {
  /** What Ajv's standalone code would import; this server never generates standalone code. */
  code: 'linearRegExp',
});

interface PatternMatcher {
  test(text: string): boolean;
  toString(): string;
}

function compileLinear(pattern: string, flags: string): PatternMatcher {
  if (zodFormatPatterns().has(pattern)) return new RegExp(pattern, flags);
  try {
    const compiled = RE2JS.compile(pattern);
    return {
      test: (text: string) => compiled.matcher(text).find(),
      // Ajv keys its compiled patterns by this text: it must name the pattern.
      toString: () => `re2:/${pattern}/`,
    };
  } catch (error) {
    throw new Error(
      `pattern ${JSON.stringify(pattern)} is not supported (patterns run on a linear-time engine: no lookaround or backreferences): ${(error as Error).message}`,
    );
  }
}

let formatPatterns: Set<string> | undefined;

/** Built on the first pattern compiled, not when the server starts: most never compile one. */
function zodFormatPatterns(): Set<string> {
  formatPatterns ??= new Set(
    [
      z.email(),
      z.uuid(),
      z.guid(),
      z.url(),
      z.emoji(),
      z.nanoid(),
      z.cuid(),
      z.cuid2(),
      z.ulid(),
      z.xid(),
      z.ksuid(),
      z.ipv4(),
      z.ipv6(),
      z.cidrv4(),
      z.cidrv6(),
      z.base64(),
      z.base64url(),
      z.e164(),
      z.jwt(),
      z.hostname(),
      z.iso.date(),
      z.iso.time(),
      z.iso.datetime(),
      z.iso.duration(),
      z.string().lowercase(),
      z.string().uppercase(),
    ]
      .map((schema) => (z.toJSONSchema(schema) as { pattern?: string }).pattern)
      .filter((pattern): pattern is string => typeof pattern === 'string'),
  );
  return formatPatterns;
}
