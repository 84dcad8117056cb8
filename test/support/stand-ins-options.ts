import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from '../../shared/config';
import { psaTypes, type PsaType } from './psa-stand-in';

const DEFAULT_PORTS = '17401,17402,17403';

/** A failure with a one-line message; main prints it without a stack trace. */
export class StandInError extends Error {}

export interface StandInPorts {
  psa: number;
  identity: number;
  rewst: number;
}

/** The stand-ins' ports, and the listener's, which is 17345 unless a fourth port is given. */
function parsePorts(text: string): { ports: StandInPorts; listenerPort: number } {
  const ports = text.split(',').map((part) => Number(part.trim()));
  const valid = ports.every((port) => Number.isInteger(port) && port >= 1024 && port <= 65535);
  if (ports.length < 3 || ports.length > 4 || !valid || new Set(ports).size !== ports.length) {
    throw new StandInError(
      `--ports "${text}" is invalid; give three different ports from 1024 to 65535 as ` +
        '<psa>,<identity>,<rewst>, for example --ports 18401,18402,18403, and optionally the ' +
        'listener port as a fourth.',
    );
  }
  const [psa = 0, identity = 0, rewst = 0, listenerPort = DEFAULT_PORT] = ports;
  return { ports: { psa, identity, rewst }, listenerPort };
}

/** Parses the command line of `npm run stand-ins`; see run-stand-ins.ts for the options. */
export function parseStandInOptions() {
  const { values } = parseArgs({
    options: {
      psa: { type: 'string', default: 'connectwise' },
      ports: { type: 'string', default: DEFAULT_PORTS },
      dir: { type: 'string' },
      serve: { type: 'boolean', default: false },
    },
  });
  const psa = values.psa as PsaType;
  if (!psaTypes.includes(psa)) {
    throw new StandInError(`--psa "${values.psa}" is not one of ${psaTypes.join(', ')}.`);
  }
  return { psa, ...parsePorts(values.ports), dir: values.dir, serve: values.serve };
}
