import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { WebHost } from '../../main/web/WebHost.js';
import { startHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';
import { waitFor } from '../support/waitFor.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it once open, or with the HTTP status it was refused with. */
function connect(url: string, headers: Record<string, string>, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, ...(origin && { origin }) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

describe('web host', () => {
  let host: WebHost;
  let cookie: string;
  let opened: Reply;
  const root = tempDir();
  const staticDir = join(root, 'renderer');

  before(async () => {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    host = new WebHost({ hearth: startHearth(), staticDir, port: 0 });
    await host.start();
    opened = await get(host.port, `/?token=${host.token}`);
    cookie = String(opened.headers['set-cookie']).split(';')[0] ?? '';
  });
  after(() => host.close());

  test('listens on 127.0.0.1 only and prints a URL with the token', () => {
    assert.match(host.url, new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  test('answers 401 without the token, on pages and assets alike', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/?token=wrong-token']) {
      const reply = await get(host.port, path);
      assert.equal(reply.status, 401, path);
      assert.doesNotMatch(reply.body, /Hearth<\/title>|console\.log/);
    }
    const wrongCookie = await get(host.port, '/', { Cookie: `hearth_token_${host.port}=guess` });
    assert.equal(wrongCookie.status, 401);
    const launchTokenAsCookie = await get(host.port, '/', { Cookie: `hearth_token_${host.port}=${host.token}` });
    assert.equal(launchTokenAsCookie.status, 401, 'the cookie holds a session secret, not the launch token');
  });

  test('traded the token in the URL for an HttpOnly, SameSite=Strict cookie named for this port', () => {
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.location, '/');
    const setCookie = String(opened.headers['set-cookie']);
    assert.match(setCookie, new RegExp(`^hearth_token_${host.port}=`));
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
  });

  test('the launch token is traded once only: after that it opens nothing, the cookie does', async () => {
    const again = await get(host.port, `/?token=${host.token}`);
    assert.equal(again.status, 401);
    assert.match(again.body, /works only once/);
    assert.equal(again.headers['set-cookie'], undefined);
    const socket = await connect(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {}, host.origin);
    assert.equal(socket, 401, 'nor does the token open a socket');
    // With the cookie, a token left in the address is only dropped from it.
    const withCookie = await get(host.port, `/?token=${host.token}`, { Cookie: cookie });
    assert.equal(withCookie.status, 303);
    assert.equal(withCookie.headers.location, '/');
  });

  test('never redirects off this host, whatever the path of the trade', async () => {
    for (const path of ['/.//other.host/x', '//x', '/\\other.host', '/%2F%2Fother.host', '/%5C%5Cother.host', '///x']) {
      const fresh = new WebHost({ hearth: startHearth(), staticDir, port: 0 });
      await fresh.start();
      try {
        const reply = await get(fresh.port, `${path}?token=${fresh.token}`);
        assert.equal(reply.status, 303, path);
        assert.equal(reply.headers.location, '/', path);
      } finally {
        await fresh.close();
      }
    }
  });

  test('serves the renderer with a strict CSP once authorised', async () => {
    const reply = await get(host.port, '/', { Cookie: cookie });
    assert.equal(reply.status, 200);
    assert.match(reply.body, /<title>Hearth<\/title>/);
    const csp = String(reply.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
    assert.equal((await get(host.port, '/assets/app.js', { Cookie: cookie })).status, 200);
  });

  test('refuses a foreign Origin and a foreign Host', async () => {
    const foreign = await get(host.port, '/', { Cookie: cookie, Origin: 'http://evil.example' });
    assert.equal(foreign.status, 403);
    const rebinding = await get(host.port, '/', { Cookie: cookie, Host: `evil.example:${host.port}` });
    assert.equal(rebinding.status, 421);
  });

  test('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const reply = await get(host.port, path, { Cookie: cookie });
      assert.equal(reply.status, 404, path);
    }
  });

  test('the socket needs the token and this origin', async () => {
    const url = `ws://127.0.0.1:${host.port}/ws`;
    assert.equal(await connect(url, {}, host.origin), 401);
    assert.equal(await connect(url, { Cookie: cookie }, 'http://evil.example'), 403);
    assert.equal(await connect(url, { Cookie: cookie }), 403, 'a socket without an Origin is not from our page');
    const ws = await connect(url, { Cookie: cookie }, host.origin);
    assert.ok(ws instanceof WebSocket);
    ws.close();
  });

  test('calls over the socket reach the services and come back validated', async () => {
    const ws = await connect(`ws://127.0.0.1:${host.port}/ws`, { Cookie: cookie }, host.origin);
    assert.ok(ws instanceof WebSocket);
    const replies: unknown[] = [];
    ws.on('message', (data: Buffer) => replies.push(JSON.parse(data.toString('utf8'))));
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', input: {} }));
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'chat.send', input: { conversationId: 'x' } }));
    await waitFor(() => replies.length >= 2, { what: 'both replies' });
    const byId = new Map(
      replies.map((reply) => [
        (reply as { id: number }).id,
        reply as { result: { ok: boolean; value?: { host: string }; error?: { code: string } } },
      ]),
    );
    assert.equal(byId.get(1)?.result.ok, true);
    assert.equal(byId.get(1)?.result.value?.host, 'web');
    assert.equal(byId.get(2)?.result.ok, false);
    assert.equal(byId.get(2)?.result.error?.code, 'invalid_input');
    ws.close();
  });

  test('a malformed frame closes that socket with a policy error', async () => {
    const ws = await connect(`ws://127.0.0.1:${host.port}/ws`, { Cookie: cookie }, host.origin);
    assert.ok(ws instanceof WebSocket);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ type: 'call', id: 'one', method: 5 }));
    assert.equal(await closed, 1008);
  });
});
