#!/usr/bin/env node
/**
 * crm-agent: the one command-line entrypoint. Reads .env and the environment once, then runs
 * a subcommand. Human output goes to stderr, except what a command exists to print (a token,
 * a URL) which goes to stdout alone on its last line; `mcp` keeps stdout for the protocol.
 */
import { Command, InvalidArgumentError } from 'commander';
import dotenv from 'dotenv';
import { loadConfig, secretValues, type Config } from './config.js';
import { findRunningServer, MEMORY_DIR } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/client.js';
import { isAnchorDate } from './seed/clock.js';
import { seedDemoData } from './seed/index.js';
import { AppError } from './errors.js';
import { configureLogger } from './log.js';
import { configureSecrets, scrubSecrets } from './crm/audit/scrub-secrets.js';
import { startHttp } from './http/server.js';
import { serveStdio } from './mcp/stdio.js';
import { openRuntime, toolSettings } from './runtime.js';
import { createToken, listTokens, parseScopes, revokeToken } from './crm/access/tokens.js';
import { backfillProgress, progressBar, startupSteps } from './cli-progress.js';
import { formatUserList, listUsers } from './crm/access/users-list.js';
import { runInspector } from './inspect-command.js';
import { runEmbedCommand } from './embed-command.js';
import { startEmbeddingWorker } from './crm/knowledge/embedding-worker.js';
import { createSlackSurface } from './slack/index.js';
import { slackAgentRunner } from './slack/agent.js';
import { linkSlackUser } from './crm/slack/threads.js';
import { runChatCommand } from './chat-command.js';
import { runEvalCommand, runEvalRecord } from './eval-command.js';
import { runEvalTriage } from './eval-triage-command.js';

dotenv.config({ quiet: true });

let config: Config;
try {
  config = loadConfig(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
// Secret values are scrubbed from every log line, messages and error texts included.
configureSecrets(secretValues(config));
configureLogger(config.LOG_LEVEL, undefined, scrubSecrets);

const say = (msg: string) => process.stderr.write(`${msg}\n`);
const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};
const anchorDate = (v: string) => {
  if (!isAnchorDate(v)) throw new InvalidArgumentError('must be a calendar date YYYY-MM-DD, e.g. 2026-11-01');
  return v;
};

function onSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      if (stopping) return;
      stopping = true;
      say(`\n${sig}: shutting down...`);
      void stop().finally(() => process.exit(0));
    });
  }
}

async function serveCommand(seedIfEmpty: boolean): Promise<void> {
  const started = Date.now();
  const steps = startupSteps();
  const rt = await openRuntime(config, { seedIfEmpty, progress: steps });
  // Slack only when both SLACK_* keys are set (one alone stops start-up with a hint).
  const startSlack = async () => createSlackSurface(config, rt.database.db, { agent: slackAgentRunner(rt) });
  const slack = await startSlack().catch(async (err: unknown) => {
    await rt.close();
    throw err;
  });
  const http = await startHttp(rt, { slack }).catch(async (err: unknown) => {
    await rt.close();
    throw err;
  });
  slack?.start();
  // Embeds what writes queue (notes, communications, tickets, AI answers) in the background.
  const stopWorker = startEmbeddingWorker(rt.database, rt.embedder, {
    intervalMs: 2000,
    leaseMs: config.CRM_EMBEDDING_LEASE_MS,
    onProgress: backfillProgress(steps, rt.pendingEmbeddings),
  });
  onSignals(async () => {
    await http.stop();
    await slack?.stop();
    await stopWorker();
    await rt.close();
  });
  say(
    [
      '',
      `crm-agent is up in ${((Date.now() - started) / 1000).toFixed(1)} s (${rt.database.embedded ? `embedded database in ${config.CRM_DATA_DIR}` : 'Postgres from DATABASE_URL'}).`,
      `  health:   ${http.url}/healthz`,
      `  MCP:      ${http.url}/mcp   (needs a bearer token)`,
      '  token:    node dist/src/cli.js token create --user demo --scopes crm:read,crm:write',
      '  users:    node dist/src/cli.js users list   (handles and roles for --user and CRM_USER)',
      '  stdio:    node dist/src/cli.js mcp   (for Claude Desktop / Claude Code; see README)',
      slack
        ? `  Slack:    ${http.url}/slack/events and /slack/interactions (signed by Slack; see README "Slack")`
        : '  Slack:    off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; see README "Slack")',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
}

const program = new Command('crm-agent')
  .description('AI agent for insurance-agency CRMs: MCP server, agent, hybrid RAG')
  .showHelpAfterError();

program
  .command('start')
  .description('Migrate, seed demo data on first run, and serve HTTP (the main job)')
  .action(() => serveCommand(config.CRM_SEED_ON_START));

program
  .command('serve')
  .description('Migrate and serve HTTP: /healthz, /readyz, /mcp')
  .action(() => serveCommand(false));

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    const database = await openDatabase(config);
    try {
      const r = await migrate(database.pool);
      say(
        `applied ${r.applied.length} migration(s)${r.applied.length ? `: ${r.applied.join(', ')}` : ''}; ${r.skipped.length} already applied`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description('Fill the database with a deterministic demo insurance book')
  .option('--scale <leads>', 'number of leads (100000 for benchmarks: ~1M notes and communications)', int)
  .option('--reset', 'delete existing CRM data first')
  .option('--seed <n>', 'random seed', int)
  .option(
    '--anchor-date <YYYY-MM-DD>',
    "the book's today in the agency zone (default: today); fixes every timestamp for tests and benchmarks",
    anchorDate,
  )
  .action(async (o: { scale?: number; reset?: boolean; seed?: number; anchorDate?: string }) => {
    const database = await openDatabase(config);
    const bar = progressBar();
    try {
      await migrate(database.pool);
      const s = await seedDemoData(database.db, database.pool, {
        scale: o.scale,
        reset: o.reset,
        seed: o.seed,
        anchorDate: o.anchorDate,
        settings: toolSettings(config),
        onProgress: bar.update,
      });
      bar.stop();
      say(
        `seeded in ${(s.ms / 1000).toFixed(1)} s (anchored to ${s.anchorDate}): ${s.users} users, ${s.clients} clients, ${s.contacts} contacts, ${s.leads} leads, ${s.communications} communications, ${s.notes} notes, ${s.followUps} follow-ups, ${s.tickets} tickets`,
      );
    } finally {
      bar.stop();
      await database.close();
    }
  });

program
  .command('mcp')
  .description('Serve MCP over stdio as CRM_USER (default "demo"), for Claude Desktop / Claude Code')
  .action(async () => {
    const steps = startupSteps();
    const rt = await openRuntime(config, { seedIfEmpty: config.CRM_SEED_ON_START, progress: steps });
    const stopWorker = startEmbeddingWorker(rt.database, rt.embedder, {
      intervalMs: 5000,
      leaseMs: config.CRM_EMBEDDING_LEASE_MS,
      onProgress: backfillProgress(steps, rt.pendingEmbeddings),
    });
    await serveStdio(rt);
    await stopWorker();
    await rt.close();
  });

program
  .command('embed')
  .description('Embed queued texts for search; --backfill adds everything without a vector, --reembed rebuilds the current model')
  .option('--backfill', 'queue every note, communication, ticket and AI answer lacking a vector of the current model')
  .option('--reembed', "delete the current model's vectors and embed everything again")
  .option('--watch', 'keep running as a worker (Ctrl+C to stop)')
  .action(async (o: { backfill?: boolean; reembed?: boolean; watch?: boolean }) => {
    // Deleting a model's vectors, queueing the whole book and building its index may rightly take
    // longer than the statement timeout a serving process keeps.
    const database = await openDatabase(config, { timeouts: !(o.backfill || o.reembed) });
    const bar = progressBar();
    const abort = new AbortController();
    onSignals(async () => abort.abort());
    try {
      await migrate(database.pool);
      const s = await runEmbedCommand(database, config, {
        backfill: o.backfill,
        reembed: o.reembed,
        once: !o.watch,
        signal: abort.signal,
        onProgress: (p) => bar.update(p.done + p.failed, Math.max(p.total, p.done + p.failed), `embedding (${config.CRM_EMBEDDING_MODEL})`),
      });
      bar.stop();
      say(
        `${s.model} (${s.dimensions}d): ${s.enqueued} queued, ${s.deleted} old vectors deleted, ${s.processed} embedded, ${s.failed} failed, ${s.pendingLeft} waiting for retry, in ${(s.ms / 1000).toFixed(1)} s`,
      );
    } finally {
      bar.stop();
      await database.close();
    }
  });

program
  .command('slack-link')
  .description('Link a CRM user to their Slack member ID, so the Slack bot answers them with their role')
  .argument('<handle>', 'CRM user handle, e.g. demo')
  .argument('<memberId>', 'Slack member ID, e.g. U012AB3CD4E (Slack profile: ⋮ -> Copy member ID)')
  .action(async (handle: string, memberId: string) => {
    const database = await openDatabase(config);
    try {
      await migrate(database.pool);
      const u = await linkSlackUser(database.db, handle, memberId);
      say(`linked ${u.handle} (${u.fullName}, ${u.role}) to Slack member ${memberId}`);
    } finally {
      await database.close();
    }
  });

program
  .command('chat')
  .description('Talk to the agent in the terminal as CRM_USER; piped stdin: one message a line, writes refused unless --approve-all')
  .option('--thread <id>', 'continue a thread (see /threads)')
  .option('--approve-all', 'approve every write without asking (for scripts)')
  .action(async (o: { thread?: string; approveAll?: boolean }) => {
    process.exitCode = await runChatCommand(config, o);
  });

const evalCmd = program
  .command('eval')
  .description('Run the eval dialogs (evals/dialogs) on a private copy of the demo book; --live uses the configured model')
  .option('--live', 'use the configured chat model instead of the scripted turns')
  .option('--trials <k>', 'runs per dialog; pass^1..pass^k are reported', int)
  .option('--filter <pattern>', 'only dialogs whose name or tag matches this regex')
  .option('--report <dir>', 'write report.md and report.json into this folder')
  .action(async (o: { live?: boolean; trials?: number; filter?: string; report?: string }) => {
    process.exitCode = await runEvalCommand(config, o);
  });
evalCmd
  .command('record')
  .description('Write a logged conversation (ai_interactions) as a dialog file')
  .requiredOption('--thread <id>', 'thread id of the conversation')
  .option('--out <file>', 'file to write (default: stdout)')
  .action(async (o: { thread: string; out?: string }) => {
    process.exitCode = await runEvalRecord(config, o);
  });
evalCmd
  .command('triage')
  .description('Score triage_ticket on a labelled ticket set (evals/triage): accuracy per field, confusion tables')
  .option('--live', 'use the configured chat model instead of the offline rules')
  .option('--set <set>', 'dev, test (default) or a folder of .jsonl cases')
  .option('--filter <id>', 'only cases whose id contains this text')
  .option('--report <dir>', 'also write the report as markdown and JSON into this folder')
  .action(async (o: { live?: boolean; set?: string; filter?: string; report?: string }) => {
    process.exitCode = await runEvalTriage(config, o);
  });

const db = program.command('db').description('Database utilities');
db.command('url')
  .description('Print the connection string of the database (the embedded one while a server holds it)')
  .action(async () => {
    if (config.DATABASE_URL) {
      const u = new URL(config.DATABASE_URL);
      if (u.password) u.password = '****';
      say('DATABASE_URL is set (password hidden):');
      console.log(u.toString());
      return;
    }
    const running = config.CRM_DATA_DIR === MEMORY_DIR ? null : await findRunningServer(config.CRM_DATA_DIR);
    if (!running) {
      say(`No process holds the embedded database in ${config.CRM_DATA_DIR} right now.`);
      say('Start one with `npm start` (or `node dist/src/cli.js serve`), then run this again; psql can then connect to the printed URL.');
      process.exitCode = 1;
      return;
    }
    say(
      `Embedded database served by process ${running.pid} on a Unix socket in an owner-only folder (no password). While it runs: psql "<url>"`,
    );
    console.log(running.url);
  });

const usersCmd = program.command('users').description('Agency staff: the handles that tokens, CRM_USER and assignments take');
usersCmd
  .command('list')
  .description('List users: handle, name, role, Slack id, active')
  .action(async () => {
    const database = await openDatabase(config);
    try {
      await migrate(database.pool);
      const rows = await listUsers(database.db);
      if (!rows.length) {
        say('No users yet. `node dist/src/cli.js seed` loads the demo book (npm start does on a first run).');
        process.exitCode = 1;
        return;
      }
      for (const line of formatUserList(rows)) console.log(line);
    } finally {
      await database.close();
    }
  });

program
  .command('inspect')
  .description(
    'Run the installed MCP Inspector CLI against this stdio server (or an http(s) URL given first), e.g. inspect --method tools/list',
  )
  .allowUnknownOption()
  .helpOption(false)
  .argument('[args...]', 'inspector arguments: --method, --tool-name, --tool-arg, --header ...')
  .action(async (args: string[]) => {
    process.exitCode = await runInspector(args, { env: process.env, dataDir: config.CRM_DATA_DIR });
  });

const token = program.command('token').description('API tokens for the HTTP MCP endpoint');
token
  .command('create')
  .description('Create a token; it is printed once, alone on the last line')
  .requiredOption('--user <handle>', 'user the token acts as')
  .option('--scopes <list>', 'comma-separated: crm:read, crm:write, crm:admin, crm:pii', 'crm:read')
  .option('--name <name>', 'label to recognise the token by')
  .option('--expires-days <n>', 'expire after n days', int)
  .action(async (o: { user: string; scopes: string; name?: string; expiresDays?: number }) => {
    const rt = await openRuntime(config, { seedIfEmpty: config.CRM_SEED_ON_START });
    try {
      const t = await createToken(rt.database.db, {
        userHandle: o.user,
        scopes: parseScopes(o.scopes),
        name: o.name,
        expiresInDays: o.expiresDays,
      });
      say(
        `Token ${t.id} for ${t.userHandle} with ${t.scopes.join(', ')}${t.expiresAt ? `, expires ${t.expiresAt.toISOString()}` : ''}. It is shown once; store it now:`,
      );
      console.log(t.token);
    } finally {
      await rt.close();
    }
  });
token
  .command('list')
  .description('List tokens (never their secrets)')
  .action(async () => {
    const rt = await openRuntime(config, { seedIfEmpty: false });
    try {
      for (const t of await listTokens(rt.database.db)) {
        console.log(
          `${t.id}  ${t.prefix}…  ${t.user}  ${t.scopes.join(',')}  ${t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : 'active'}  last used ${t.lastUsedAt?.toISOString() ?? 'never'}  ${t.name}`,
        );
      }
    } finally {
      await rt.close();
    }
  });
token
  .command('revoke <id>')
  .description('Revoke a token by id')
  .action(async (id: string) => {
    const rt = await openRuntime(config, { seedIfEmpty: false });
    try {
      say((await revokeToken(rt.database.db, id)) ? `revoked ${id}` : `no active token ${id}`);
    } finally {
      await rt.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof AppError) {
    say(`error (${err.code}): ${err.message}${err.hint ? `\nhint: ${err.hint}` : ''}`);
  } else {
    say(`error: ${(err as Error).message ?? String(err)}`);
    if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') say((err as Error).stack ?? '');
  }
  process.exit(1);
});
