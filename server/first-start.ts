/** What happens on start before serving: demo content when RIGHTSBOARD_DEMO=1. */
import type { Config } from '../src/lib/server/config';

export async function firstStart(_cfg: Config): Promise<void> {}
