// kill -9 during concurrent claims, on the embedded store.
import { describeKillDuringClaims } from './claims-kill.suite.js';

describeKillDuringClaims('memory');
