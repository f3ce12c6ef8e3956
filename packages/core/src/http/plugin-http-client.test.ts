import type { ServerResponse } from 'node:http';
import { type PluginRoute, pluginServerForTest, respondJson } from '@registry/testing';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseAddressAllowList } from './address-policy';
import { createPluginHttpClient } from './plugin-http-client';

// The test servers listen on 127.0.0.1, which plugins may only use when allowed, as here.
const client = createPluginHttpClient({
  maxResponseBytes: 1024,
  addressPolicy: parseAddressAllowList('127.0.0.1'),
});
afterAll(() => client.close());

const post = (url: string, timeoutMs = 5000) =>
  client.postJson(url, JSON.stringify({ hello: 'plugin' }), { timeoutMs });

/** A JSON body of exactly `bytes` bytes. */
function jsonOfSize(bytes: number): string {
  const overhead = JSON.stringify({ pad: '' }).length;
  return JSON.stringify({ pad: 'x'.repeat(bytes - overhead) });
}

const sendText =
  (status: number, text: string, headers: Record<string, string> = {}): PluginRoute =>
  (_call, response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(text);
  };

describe('plugin HTTP client', () => {
  it('[HTTP][CLIENT]: returns the parsed JSON answer and its status', async () => {
    const server = await pluginServerForTest({ '/a': respondJson(201, { created: true }) });
    expect(await post(`${server.url}/a`)).toEqual({ status: 201, body: { created: true } });
    expect(server.calls[0]).toMatchObject({ method: 'POST', body: { hello: 'plugin' } });
    expect(server.calls[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'BCS-Automation/1.0',
    });
  });

  it('[HTTP][CLIENT]: an empty 204 (or empty 200) answer is a null result', async () => {
    const server = await pluginServerForTest({
      '/no-content': (_call, response) => {
        response.writeHead(204);
        response.end();
      },
      '/empty': sendText(200, ''),
    });
    expect(await post(`${server.url}/no-content`)).toEqual({ status: 204, body: null });
    expect(await post(`${server.url}/empty`)).toEqual({ status: 200, body: null });
  });

  it('[HTTP][CLIENT]: a body over the cap is BODY_TOO_LARGE; a body at the cap is read', async () => {
    const server = await pluginServerForTest({
      '/at-cap': sendText(200, jsonOfSize(1024)),
      '/over-cap': sendText(200, jsonOfSize(1025)),
      '/huge': sendText(200, jsonOfSize(1024 * 1024)),
    });

    expect((await post(`${server.url}/at-cap`)).body).toEqual({ pad: expect.any(String) });
    await expect(post(`${server.url}/over-cap`)).rejects.toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: 'Plugin response exceeded 1024 bytes and was not read further',
    });
    await expect(post(`${server.url}/huge`)).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
    // The connection pool still works after a response was cut off.
    expect((await post(`${server.url}/at-cap`)).status).toBe(200);
  });

  it('[HTTP][CLIENT]: a redirect is REDIRECT_BLOCKED and its target receives nothing', async () => {
    const target = await pluginServerForTest({ '/steal': respondJson(200, { stolen: true }) });
    const server = await pluginServerForTest({
      '/moved': sendText(302, '', { location: `${target.url}/steal` }),
      '/temporary': sendText(307, '{}', { location: `${target.url}/steal` }),
    });

    await expect(post(`${server.url}/moved`)).rejects.toMatchObject({
      code: 'REDIRECT_BLOCKED',
      httpStatus: 302,
      message: expect.stringContaining(`${target.url}/steal`),
    });
    await expect(post(`${server.url}/temporary`)).rejects.toMatchObject({
      code: 'REDIRECT_BLOCKED',
      httpStatus: 307,
    });
    expect(target.calls).toEqual([]);
  });

  it('[HTTP][CLIENT]: error statuses carry the status and an excerpt of the body', async () => {
    const server = await pluginServerForTest({
      '/teapot': sendText(418, 'short and\n  stout'),
      '/long': sendText(503, 'e'.repeat(500)),
    });
    await expect(post(`${server.url}/teapot`)).rejects.toMatchObject({
      code: 'HTTP_4XX',
      httpStatus: 418,
      message: 'Plugin action failed: 418 - short and stout',
    });
    await expect(post(`${server.url}/long`)).rejects.toMatchObject({
      code: 'HTTP_5XX',
      message: `Plugin action failed: 503 - ${'e'.repeat(200)}...`,
    });
  });

  it('[HTTP][CLIENT]: a body that never finishes is a TIMEOUT at the deadline', async () => {
    const server = await pluginServerForTest({
      '/dribble': (_call, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => response.write(' '), 50);
        response.on('close', () => clearInterval(timer));
      },
    });
    const started = performance.now();
    await expect(post(`${server.url}/dribble`, 300)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'Plugin did not answer within 300 ms',
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('[HTTP][CLIENT]: post answers any status with its body and latency, judging nothing', async () => {
    const server = await pluginServerForTest({
      '/teapot': sendText(418, '<p>short and stout</p>'),
    });
    const answer = await client.post(`${server.url}/teapot`, '{}', { timeoutMs: 5000 });
    expect(answer).toMatchObject({ status: 418, text: '<p>short and stout</p>' });
    expect(answer.latencyMs).toBeGreaterThan(0);
  });

  it('[HTTP][CLIENT]: no call waits longer than maxTimeoutMs, whatever it asks for', async () => {
    const capped = createPluginHttpClient({
      addressPolicy: parseAddressAllowList('127.0.0.1'),
      maxTimeoutMs: 200,
    });
    onTestFinished(() => capped.close());
    const server = await pluginServerForTest({ '/hang': () => {} });
    await expect(
      capped.post(`${server.url}/hang`, '{}', { timeoutMs: 300_000 }),
    ).rejects.toMatchObject({ code: 'TIMEOUT', message: 'Plugin did not answer within 200 ms' });
  });

  it('[HTTP][PROBE]: probe reports any HTTP answer with its status', async () => {
    const server = await pluginServerForTest({ '/health': respondJson(200, { ok: true }) });
    expect(await client.probe(`${server.url}/health`, 5000)).toMatchObject({ status: 200 });
    expect(await client.probe(`${server.url}/elsewhere`, 5000)).toMatchObject({ status: 404 });
    expect(server.calls.map((call) => call.method)).toEqual(['GET', 'GET']);
  });
});
