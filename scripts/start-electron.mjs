import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

// `npm start`: build and launch the desktop app, or explain what to do where Electron cannot run.
if (!electronBinary()) {
  console.error(
    'Floorguard: the Electron binary is not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1,\n' +
      "or Electron's download host is unreachable). Run the console in the browser harness instead:\n\n" +
      '    npm run start:web\n',
  );
  process.exit(1);
}
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;
const built = run(['electron-vite', 'build']);
if (built !== 0) process.exit(built);
process.exit(run(['electron-vite', 'preview']));
