/**
 * A worker that sends one large report and exits at once, as the extraction worker does after a
 * whole book: the report must still reach main, and before main hears of the exit.
 */
import { connectToParent } from '../../../main/engine/process/parentChannel.js';

const channel = connectToParent();
const bytes = Number(process.env.BIG_REPORT_BYTES ?? 32 * 1024 * 1024);
void channel.sendNow({ type: 'big', text: 'x'.repeat(bytes) }).finally(() => process.exit(0));
