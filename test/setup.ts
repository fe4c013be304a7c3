import { configureLogger } from '../src/log.js';

configureLogger(process.env.LOG_LEVEL ?? 'silent');
