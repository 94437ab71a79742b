// What a person does in the UI, selected by role and label as a user sees it.
import assert from 'node:assert/strict';
import { eventually } from './browser.js';

let counter = 0;
export function uniqueEmail(name) {
  counter += 1;
  return `${name.toLowerCase()}.${Date.now().toString(36)}${counter}@example.test`;
}

export async function register(page, { name, email, password = 'correct horse battery' }) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/profile/);
}

export async function completeProfile(page, { role = 'Backend engineer', level = 'mid', topics = 'graphs, system design' } = {}) {
  await page.getByLabel('Target role').fill(role);
  await page.getByLabel('Experience level').selectOption(level);
  await page.getByLabel('Topics').fill(topics);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.waitForURL(/\/find-match/);
}

export async function signUp(p, opts = {}) {
  const email = uniqueEmail(p.name);
  await register(p.page, { name: p.name, email });
  await completeProfile(p.page, opts);
  p.email = email;
  return p;
}

export function partnerCard(page, name) {
  return page.getByRole('article', { name });
}

/** From Find Match: pick `count` questions and send the invitation to `name`. */
export async function invite(page, name, count = 2) {
  // A fresh load, so the partner list includes people who signed up since.
  await page.goto('/find-match');
  const card = partnerCard(page, name);
  await card.getByRole('button', { name: 'Send Interview Invitation' }).click();
  const dialog = page.getByRole('dialog', { name: `Choose questions for ${name}` });
  await dialog.waitFor();
  const boxes = dialog.getByRole('checkbox');
  await eventually(async () => (await boxes.count()) >= count, 'questions to load');
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await dialog.getByRole('button', { name: 'Send Invitation' }).click();
  await page.getByRole('heading', { name: `Waiting for ${name} to answer…` }).waitFor();
}

export function invitationDialog(page, fromName) {
  return page.getByRole('dialog', { name: `Interview invitation from ${fromName}` });
}

export async function toastWith(page, text, timeout = 15_000) {
  await page.locator('[data-sonner-toast]', { hasText: text }).first().waitFor({ timeout });
}

export function roomIdFromUrl(url) {
  const m = new URL(url).pathname.match(/^\/interview\/([^/]+)$/);
  assert.ok(m, `not a room URL: ${url}`);
  return decodeURIComponent(m[1]);
}

/** currentTime of a <video> by its aria-label advances and it has a picture. */
export async function videoPlays(page, label, timeoutMs = 20_000) {
  await eventually(
    () =>
      page.evaluate(async (label) => {
        const v = document.querySelector(`video[aria-label="${label}"]`);
        if (!v || !v.srcObject || v.videoWidth === 0) return false;
        const t0 = v.currentTime;
        await new Promise((r) => setTimeout(r, 700));
        return v.currentTime > t0;
      }, label),
    `${label} to play`,
    timeoutMs,
  );
}

/** Mean brightness (0-255) of the current frame of a <video>. */
export function videoBrightness(page, label) {
  return page.evaluate((label) => {
    const v = document.querySelector(`video[aria-label="${label}"]`);
    if (!v || v.videoWidth === 0) return -1;
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 36;
    const ctx = c.getContext('2d');
    ctx.drawImage(v, 0, 0, c.width, c.height);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += (d[i] + d[i + 1] + d[i + 2]) / 3;
    return sum / (d.length / 4);
  }, label);
}

/** How much audio energy arrived from the partner over `ms` (inbound-rtp totalAudioEnergy delta). */
export function receivedAudioEnergy(page, ms = 1500) {
  return page.evaluate(async (ms) => {
    const pc = window.__mmRoom?.peerConnection;
    if (!pc) return -1;
    const energy = async () => {
      let e = 0;
      (await pc.getStats()).forEach((r) => {
        if (r.type === 'inbound-rtp' && r.kind === 'audio') e += r.totalAudioEnergy ?? 0;
      });
      return e;
    };
    const a = await energy();
    await new Promise((r) => setTimeout(r, ms));
    return (await energy()) - a;
  }, ms);
}

export async function connectionStatus(page) {
  return page.getByRole('status').filter({ has: page.locator('.dot') }).first().getAttribute('data-status');
}

/** The room's state as the page sees it, for error messages. */
export function roomDiagnostics(page) {
  return page.evaluate(() => {
    const r = window.__mmRoom;
    const pc = r?.peerConnection;
    const snap = r?.getSnapshot();
    return JSON.stringify({
      status: document.querySelector('[data-status]')?.textContent,
      state: snap?.state,
      polite: snap?.polite,
      joins: snap?.joins,
      failureReason: snap?.failureReason,
      pc: pc && { connection: pc.connectionState, ice: pc.iceConnectionState, signaling: pc.signalingState, gathering: pc.iceGatheringState },
    });
  });
}

export async function waitConnected(page, timeoutMs = 30_000) {
  try {
    await eventually(
      async () => ['connected', 'relayed'].includes(await page.locator('[data-status]').getAttribute('data-status')),
      'the room to be connected',
      timeoutMs,
    );
  } catch (e) {
    e.message += ` room: ${await roomDiagnostics(page).catch(() => '?')}`;
    throw e;
  }
}
