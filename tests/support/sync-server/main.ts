import { startSyncServer, type SyncServer } from './index';
import { parseRunnerArgs } from './runner-args';

/**
 * `npm run sync-server`: the in-memory CouchDB-protocol server for trying team use on one
 * machine. It listens on 127.0.0.1 only and forgets everything when stopped.
 */
async function main(): Promise<void> {
  const parsed = parseRunnerArgs(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(2);
  }
  let server: SyncServer;
  try {
    server = await startSyncServer(parsed.options);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const port = parsed.options.port;
    if (code === 'EADDRINUSE') console.error(`Port ${port} on 127.0.0.1 is already in use. Choose another with --port, or --port 0 for any free port.`);
    else if (code === 'EACCES') console.error(`This user may not listen on port ${port}. Choose a port above 1023 with --port.`);
    else console.error(`The sync server did not start: ${(e as Error).message}`);
    process.exit(1);
  }
  console.log(`Sync server (in memory) at ${server.url} — stop with Ctrl+C`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`The sync server did not stop cleanly: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
