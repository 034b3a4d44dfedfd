/** Everything an e2e spec needs: `import { … } from './support/index.js'`. */
export { launchBrowser, newPage, chromiumAvailable, CHROMIUM_PATH, CHROMIUM_ARGS } from './browser.js';
export { startApp, startServer, startPreview, freePort, type RunningApp, type AppKind } from './app-server.js';
export { screenshots, screenshot, settle, DESKTOP, PHONE } from './screenshot.js';
export { loginViaUi, loginViaApi, logoutViaUi, DEMO_PASSWORD } from './auth.js';
export { navLabels } from './nav.js';
