// tests/openapi/tools/browser_check.cjs — opens a running service's Swagger UI and Redoc pages in
// headless chromium (Debian's, driven by playwright-core) and checks what a reader sees: every operation
// of the document listed on both pages, and Swagger UI's "Try it out" → "Execute" answered 200.
// Every script, stylesheet and fetch the pages make must go to the service itself (its own copies of
// the assets): one elsewhere is refused and counted as a failure, so the check needs no network. Images
// from elsewhere (Redoc's "API docs by Redocly" logo) are refused too, and only listed.
// Usage: node browser_check.cjs BASE_URL [SCREENSHOT_DIR]   (NODE_PATH: the tools' node_modules)
// Prints one "ok"/"FAIL" line per check and "N passed, N failed"; exits 1 on any failure.
"use strict";

const { chromium } = require("playwright-core");

const [base, screenshots] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
let passed = 0;
let failed = 0;

function check(condition, what) {
  console.log((condition ? "ok   " : "FAIL ") + what);
  if (condition) passed += 1;
  else failed += 1;
}

// Every operation of the document: [method, path, operationId, first tag].
async function operations() {
  const response = await fetch(base + "/api/schema/");
  const document = await response.json();
  const out = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (["get", "put", "post", "delete", "options", "head", "patch", "trace"].includes(method))
        out.push([method, path, op.operationId, (op.tags || ["default"])[0]]);
    }
  }
  return out;
}

// A page that may only talk to the service: anything else is aborted and remembered.
async function openPage(browser, path, foreign, images) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    (route.request().resourceType() === "image" ? images : foreign).push(url);
    return route.abort();
  });
  const response = await page.goto(base + path, { waitUntil: "load" });
  check(response.status() === 200, `GET ${path} is 200`);
  return { page, errors };
}

async function swagger(browser, ops) {
  const foreign = [];
  const images = [];
  const { page, errors } = await openPage(browser, "/api/docs/", foreign, images);
  await page.waitForSelector(".opblock", { timeout: 30000 });
  const title = await page.textContent(".information-container .title");
  check(title && title.includes("Projects"), `Swagger UI shows the document's title (${JSON.stringify(title)})`);
  for (const [method, path, id, tag] of ops) {
    const block = page.locator(`[id="operations-${tag}-${id}"]`);
    const count = await block.count();
    const shown = count === 1 && (await block.locator(".opblock-summary-method").textContent()).toLowerCase() === method;
    check(shown, `Swagger UI lists ${method.toUpperCase()} ${path} (${id})`);
  }
  if (screenshots) await page.screenshot({ path: `${screenshots}/openapi-swagger.png` });

  // GET /api/announcements/ from the page, as a reader tries it: anyone may list announcements.
  const op = page.locator('[id="operations-announcements-announcements_list"]');
  await op.locator(".opblock-summary").first().click();
  await op.locator("button.try-out__btn").click();
  await op.locator("button.execute").click();
  const status = op.locator(".live-responses-table .response .response-col_status").first();
  await status.waitFor({ timeout: 30000 });
  const code = (await status.textContent()).trim();
  check(code.startsWith("200"), `Try it out → Execute on GET /api/announcements/ is answered 200 (${code})`);
  const body = await op.locator(".live-responses-table .response-col_description pre").first().textContent();
  check(/"results"/.test(body), "the response body is shown, with its results");

  check(errors.length === 0, `Swagger UI runs without script errors ${JSON.stringify(errors)}`);
  check(foreign.length === 0, `Swagger UI loads nothing from elsewhere ${JSON.stringify(foreign)}`);
  if (images.length) console.log(`note images from elsewhere, not loaded: ${JSON.stringify(images)}`);
  await page.close();
}

async function redoc(browser, ops) {
  const foreign = [];
  const images = [];
  const { page, errors } = await openPage(browser, "/api/redoc/", foreign, images);
  await page.waitForSelector("[data-section-id*='operation/']", { timeout: 30000 });
  const heading = await page.textContent("h1");
  check(heading && heading.includes("Projects"), `Redoc shows the document's title (${JSON.stringify(heading)})`);
  for (const [method, path, id, tag] of ops) {
    const section = page.locator(`[data-section-id="tag/${tag}/operation/${id}"]`);
    const count = await section.count();
    const text = count === 1 ? await section.textContent() : "";
    check(count === 1 && text.toLowerCase().includes(method) && text.includes(path),
      `Redoc describes ${method.toUpperCase()} ${path} (${id})`);
  }
  const menu = await page.locator("[role=menuitem]").count();
  check(menu >= ops.length, `Redoc's menu has an entry per operation (${menu} entries, ${ops.length} operations)`);
  if (screenshots) await page.screenshot({ path: `${screenshots}/openapi-redoc.png` });
  check(errors.length === 0, `Redoc runs without script errors ${JSON.stringify(errors)}`);
  check(foreign.length === 0, `Redoc loads nothing from elsewhere ${JSON.stringify(foreign)}`);
  if (images.length) console.log(`note images from elsewhere, not loaded: ${JSON.stringify(images)}`);
  await page.close();
}

(async () => {
  const ops = await operations();
  check(ops.length > 0, `the document has operations (${ops.length})`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  try {
    await swagger(browser, ops);
    await redoc(browser, ops);
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.error(error);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
