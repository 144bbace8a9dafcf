// Debian's Chromium driven by playwright-core (never `npx playwright install`: no internet).
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './paths';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}
