// socket.io-client's browser bundle in headless Chromium (the system's /usr/bin/chromium, driven
// by playwright-core; no browser is downloaded) against socketio-echo: polling, then the upgrade
// to WebSocket, events, acks and binary.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startEcho } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../node_modules/socket.io-client/dist/socket.io.min.js');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('headless Chromium', { skip: existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}`, timeout: 60000 }, () => {
  let browser;
  let url;
  let webRoot;
  before(async () => {
    // The page comes from the echo server itself (its --web-root), so that it is same-origin
    // with Socket.IO and on the loopback address space, as the product's page is.
    webRoot = mkdtempSync(path.join(os.tmpdir(), 'mm-interop-'));
    writeFileSync(path.join(webRoot, 'interop.html'),
      '<!doctype html><title>interop</title><script src="/socket.io.min.js"></script>');
    copyFileSync(BUNDLE, path.join(webRoot, 'socket.io.min.js'));
    url = (await startEcho(0, ['--web-root', webRoot])).url;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it('connects with the browser bundle, upgrades to WebSocket and echoes', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const pageResponse = await page.goto(`${url}/interop.html`);
    assert.equal(pageResponse.status(), 200);

    const result = await page.evaluate(async () => {
      const withTimeout = (promise, what) => Promise.race([
        promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout: ${what}`)), 10000)),
      ]);
      const socket = io({ auth: { token: 'browser' }, reconnection: false });
      const firstTransport = socket.io.engine.transport.name;
      const upgraded = new Promise((resolve) => socket.io.engine.once('upgrade', resolve));
      const auth = await withTimeout(new Promise((resolve) => socket.once('auth', resolve)), 'auth');
      await withTimeout(upgraded, 'upgrade');
      const echoed = await withTimeout(new Promise((resolve) => {
        socket.once('message-back', (...args) => resolve(args));
        socket.emit('message', 'hello', { n: 1 });
      }), 'message-back');
      const acked = await withTimeout(socket.timeout(5000).emitWithAck('message-with-ack', 'ack me'), 'ack');
      const binary = await withTimeout(new Promise((resolve) => {
        socket.once('message-back', (buf) => resolve([...new Uint8Array(buf)]));
        socket.emit('message', new Uint8Array([1, 2, 3]).buffer);
      }), 'binary');
      const result = {
        auth, firstTransport, transport: socket.io.engine.transport.name, echoed, acked, binary,
      };
      socket.disconnect();
      return result;
    });

    assert.deepEqual(errors, []);
    assert.deepEqual(result.auth, { token: 'browser' });
    assert.equal(result.firstTransport, 'polling');
    assert.equal(result.transport, 'websocket');
    assert.deepEqual(result.echoed, ['hello', { n: 1 }]);
    assert.equal(result.acked, 'ack me');
    assert.deepEqual(result.binary, [1, 2, 3]);
    await page.close();
  });
});
