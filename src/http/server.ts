/** Starts the HTTP app on HOST:PORT (127.0.0.1 unless configured) and stops it cleanly. */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { AppError } from '../errors.js';
import { logger } from '../log.js';
import type { Runtime } from '../runtime.js';
import { createHttpApp, type HttpAppOptions } from './app.js';

export interface RunningHttp {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startHttp(rt: Runtime, opts: HttpAppOptions = {}): Promise<RunningHttp> {
  const { app, mcp } = createHttpApp(rt, opts);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: rt.config.HOST, port: rt.config.PORT }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      void mcp.close();
      if (err.code === 'EADDRINUSE') {
        reject(
          new AppError('UNAVAILABLE', `Port ${rt.config.PORT} on ${rt.config.HOST} is already in use.`, {
            hint: 'Stop the other server or set PORT to a free port (PORT=0 picks one).',
          }),
        );
      } else reject(err);
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = rt.config.HOST.includes(':') ? `[${rt.config.HOST}]` : rt.config.HOST;
  const url = `http://${host}:${port}`;
  logger('http').info({ url, mcp: `${url}/mcp`, stateless: rt.config.MCP_STATELESS }, 'HTTP server listening');
  return {
    url,
    port,
    async stop() {
      await mcp.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
