/**
 * A local fake of the Slack Web API on loopback: the real @slack/web-api client is pointed at it
 * (SLACK_API_URL) and every call is recorded. Answers like Slack (`{ ok, ts, ... }`); can be told
 * to fail calls, to exercise the worker's retries.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered. */
  response?: Record<string, unknown>;
}

export interface FakeSlack {
  /** Base URL for the client, ending in /api/. */
  url: string;
  calls: FakeCall[];
  /** Calls of one method, e.g. 'chat.postMessage'. */
  of(method: string): FakeCall[];
  /** The next `times` calls of `method` fail with HTTP 500. */
  failNext(method: string, times: number): void;
  botUserId: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function parseArgs(body: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    // The client sends objects (blocks) as JSON strings in the form.
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

export async function startFakeSlack(opts: { token: string; botUserId?: string }): Promise<FakeSlack> {
  const calls: FakeCall[] = [];
  const failures = new Map<string, number>();
  const botUserId = opts.botUserId ?? 'UBOT0001';
  let seq = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const args = parseArgs(await readBody(req), req.headers['content-type']);
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      const call: FakeCall = { method, args, token };
      calls.push(call);
      const send = (status: number, body: Record<string, unknown>) => {
        call.response = body;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const left = failures.get(method) ?? 0;
      if (left > 0) {
        failures.set(method, left - 1);
        return send(500, { ok: false, error: 'internal_error' });
      }
      if (token !== opts.token) return send(200, { ok: false, error: 'invalid_auth' });
      switch (method) {
        case 'auth.test':
          return send(200, { ok: true, user_id: botUserId, team_id: 'T0001', bot_id: 'B0001' });
        case 'chat.postMessage':
          return send(200, {
            ok: true,
            channel: args.channel,
            ts: `1700000000.${String(++seq).padStart(6, '0')}`,
            message: { text: args.text },
          });
        case 'chat.update':
          return send(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
        case 'chat.postEphemeral':
          return send(200, { ok: true, message_ts: `1700000000.${String(++seq).padStart(6, '0')}` });
        default:
          return send(200, { ok: false, error: 'unknown_method' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    of: (m) => calls.filter((c) => c.method === m),
    failNext: (m, n) => void failures.set(m, n),
    botUserId,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
