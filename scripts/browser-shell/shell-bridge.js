// window.connectdesk for the browser shell: the same ConnectDeskBridge the Electron preload exposes,
// carried over loopback HTTP to the shell server. Served with the per-run token filled in.
(() => {
  'use strict';
  const token = '__CONNECTDESK_SHELL_TOKEN__';
  const listeners = new Map();
  const popups = new Map();

  const post = (path, body) =>
    fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-connectdesk-token': token },
      body: JSON.stringify(body ?? {}),
    });

  const forget = (attemptId, close) => {
    const entry = popups.get(attemptId);
    if (!entry) return;
    clearInterval(entry.poll);
    popups.delete(attemptId);
    if (close && !entry.win.closed) entry.win.close();
  };

  // Stands in for the OS browser: sign-in opens in a popup; closing it is reported like closing the sign-in window.
  const openSignIn = ({ attemptId, url }) => {
    const existing = popups.get(attemptId);
    if (existing && !existing.win.closed) return existing.win.focus();
    const win = window.open(url, `connectdesk-signin-${attemptId}`, 'popup,width=560,height=760');
    if (!win) return;
    const poll = setInterval(() => {
      if (!win.closed) return;
      forget(attemptId, false);
      void post('/__shell/popup-closed', { attemptId });
    }, 250);
    popups.set(attemptId, { win, poll });
  };

  const events = new EventSource(`/__shell/events?token=${encodeURIComponent(token)}`);
  events.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data);
    if (event === 'shell:open-url') return openSignIn(payload);
    if (event === 'auth:progress' && !['starting', 'waiting-for-sign-in'].includes(payload.phase)) forget(payload.attemptId, true);
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const bridge = {
    async invoke(channel, request) {
      try {
        const response = await post(`/__shell/invoke/${encodeURIComponent(channel)}`, request);
        return await response.json();
      } catch {
        return { ok: false, error: { code: 'UNEXPECTED', message: 'The ConnectDesk shell server is not answering.', remediation: 'Restart it with npm run shell.' } };
      }
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
  Object.defineProperty(window, 'connectdesk', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
