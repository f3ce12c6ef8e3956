import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleValue } from './sample-payload';

describe('sampleValue', () => {
  it('[VALIDATOR][PAYLOAD]: generates values that the zod schema behind the JSON Schema accepts', () => {
    const schema = z.object({
      email: z.email(),
      url: z.url(),
      day: z.iso.date(),
      at: z.iso.datetime(),
      id: z.uuid(),
      code: z.string().min(20).max(25),
      count: z.number().int().min(3).max(4),
      ratio: z.number().gt(0).lt(1),
      kind: z.enum(['a', 'b']),
      tags: z.array(z.string()).min(2),
      nested: z.object({ flag: z.boolean(), note: z.string().nullable() }),
      maybe: z.string().optional(),
    });
    const json = z.toJSONSchema(schema, { io: 'input' }) as Parameters<typeof sampleValue>[0];
    const full = sampleValue(json);
    expect(schema.safeParse(full).error?.issues).toBeUndefined();
    expect(full).toHaveProperty('maybe');
    expect(sampleValue(json, 'payload', 'required')).not.toHaveProperty('maybe');
  });
});
