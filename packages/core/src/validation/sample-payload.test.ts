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

  it('[VALIDATOR][PAYLOAD]: every zod string format, regex patterns and multipleOf get values zod accepts', () => {
    const schema = z.object({
      phone: z.e164(),
      host: z.hostname(),
      ip: z.ipv4(),
      ip6: z.ipv6(),
      net: z.cidrv4(),
      net6: z.cidrv6(),
      blob: z.base64(),
      blob_url: z.base64url(),
      smile: z.emoji(),
      nano: z.nanoid(),
      cuid: z.cuid(),
      cuid2: z.cuid2(),
      ulid: z.ulid(),
      xid: z.xid(),
      ksuid: z.ksuid(),
      token: z.jwt(),
      period: z.iso.duration(),
      time: z.iso.time(),
      sku: z.string().regex(/^SKU-\d{4}$/),
      channel: z.string().regex(/^#[a-z0-9_-]{1,80}$/),
      quantity: z.number().int().min(1).multipleOf(5),
    });
    const json = z.toJSONSchema(schema, { io: 'input' }) as Parameters<typeof sampleValue>[0];
    const full = sampleValue(json);
    expect(schema.safeParse(full).error?.issues).toBeUndefined();
    expect(full).toMatchObject({ sku: 'SKU-0000', quantity: 5 });
  });
});
