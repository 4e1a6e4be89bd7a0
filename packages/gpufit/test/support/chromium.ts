import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, as CI installs it (`.ci/run`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium for the browser tests: no sandbox, no GPU, no background requests of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}
