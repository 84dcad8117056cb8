/**
 * Entry point of `npm run toolbox -- <command>`: serve, resolve, secret and links. Each command
 * lives in ./commands; run.ts picks one and prints its errors.
 */
import { exitProcess } from './exit';
import { runCli } from './run';

void runCli(process.argv.slice(2)).then(exitProcess);
