import { runFromCommandLine } from './index';

/** The entry point of the built command line (scripts/node-build.mjs → out/node/court.mjs). */
runFromCommandLine();
