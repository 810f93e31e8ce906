export { boundShutdown, createLogger, loadConfigOrExit } from './boot';
