// How every browser run of RoleCall starts Debian's Chromium (never a downloaded browser): the e2e tests through
// playwright.config.ts and the UI benches directly. The flags keep Chromium off the network it cannot reach.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumLaunchOptions = {
  executablePath: chromiumPath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
