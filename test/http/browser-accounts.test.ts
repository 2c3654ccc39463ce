// The account pages in a real browser: Debian's Chromium, driven by playwright-core, against the
// real app listening on 127.0.0.1 over a fresh SQLite file. The first start's setup page,
// signing in and out, the same done from the keyboard alone (focus order, a visible focus
// style, a wrong password announced in an alert), a browser asking for Spanish and the
// language switch, every account page on a 390 px phone and on a desktop window, and what a
// coordinator added by an admin may open.
//
// Each page visited is saved as a full-page PNG, for a person to look at, under
// test-artifacts/browser/ at the repository's root (kept out of git): NAME-desktop.png at
// 1280 px and NAME-phone.png at 390 px, where NAME is setup, sign-in-error, home,
// account-token, people and audit.
//
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { addAccount } from '../../src/services/users.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { tempDatabase } from '../support/fixtures.js';
import { build } from '../support/http.js';
import { ARGS, ARTIFACTS, CHROMIUM, arrives } from '../support/browser.js';

/*
 * The few names of the page these checks use inside page.evaluate: declared here, for this
 * file alone, because the project compiles without the DOM library.
 */
interface PageElement {
  tagName: string;
  id: string;
  className: string;
  parentElement: PageElement | null;
  compareDocumentPosition(other: PageElement): number;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; right: number; width: number };
}
declare const document: {
  activeElement: PageElement | null;
  body: PageElement;
  documentElement: PageElement & { clientWidth: number; scrollWidth: number };
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare function getComputedStyle(element: PageElement): {
  outlineStyle: string; outlineWidth: string; boxShadow: string; visibility: string; display: string; overflowX: string;
};


/** Where the screenshots go: test-artifacts/browser/ at the repository's root. */

const PASSWORD = 'correct horse battery staple';
const ADMIN = { name: 'Ana Admin', email: 'ana@example.org', organization: 'Casa Legal' };

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** The app over a fresh database, listening on a free port of 127.0.0.1 until the test ends. */
async function serve(t: Test): Promise<{ base: string; store: OpenDatabase }> {
  const store = tempDatabase(t);
  const { app } = await build(t, store);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, store };
}

/** The app with one admin account in it, made as `taller user add` would. */
async function serveWithAdmin(t: Test): Promise<{ base: string; store: OpenDatabase }> {
  const served = await serve(t);
  const made = await addAccount(served.store.db, { ...ADMIN, role: 'admin', password: PASSWORD }, 'test');
  if (!made.ok) throw new Error(`no admin: ${made.problems[0]?.message}`);
  return served;
}

/** A fresh browser context (its own cookies) on the app, closed when the test ends. */
async function context(t: Test, browser: Browser, base: string, options: BrowserContextOptions = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const made = await browser.newContext({ ...options, baseURL: base });
  t.teardown(() => made.close());
  return { context: made, page: await made.newPage() };
}


/** The path of the page shown, without the address of the server. */
const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** The sign-in page's words, in each language. */
const SIGN_IN = {
  en: { email: 'E-mail address', password: 'Password', button: 'Sign in' },
  es: { email: 'Correo electrónico', password: 'Contraseña', button: 'Iniciar sesión' },
};

async function signIn(page: Page, email: string, password: string, words = SIGN_IN.en): Promise<Response> {
  await page.goto('/sign-in');
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  return arrives(page, () => page.getByRole('button', { name: words.button }).click());
}

async function fillSetup(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('E-mail address').fill(ADMIN.email);
  await page.getByLabel(/^Organization/).fill(ADMIN.organization);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByLabel('The same password again').fill(PASSWORD);
}

/** The links and buttons of the header's account part, by their text. */
const accountLinks = (page: Page) => page.locator('nav.account').locator('a, button').allTextContents();

/** The element that has the focus, as a person would name it, and whether its focus is drawn. */
function focusOf(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: 'nothing', drawn: false, style: '' };
    const tag = el.tagName.toLowerCase();
    const name = el.id ? `${tag}#${el.id}`
      : `${tag}${el.className ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ')}"`;
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
    return { name, drawn: outlined || shadowed, style: `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}` };
  });
}

/** Presses Tab (or Shift+Tab) `times` times from where the focus is, noting each stop. */
async function tabThrough(page: Page, times: number, key = 'Tab') {
  const stops = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    stops.push(await focusOf(page));
  }
  return stops;
}

/** Tabs forward until the focus is on the named element (at most `limit` presses); false if it never gets there. */
async function tabTo(page: Page, name: string, limit = 30): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focusOf(page)).name === name) return true;
  }
  return false;
}

/**
 * Whether the page fits its window's width: the document does not scroll sideways, and no
 * visible form field or button reaches past either edge, but for those in a wide table that
 * scrolls sideways by itself on a phone (the People table, the tokens), reached by scrolling it.
 */
function widthOf(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el: PageElement) => {
      for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(at).overflowX)) return true;
      }
      return false;
    };
    const outside = [...document.querySelectorAll('input, select, textarea, button')].filter((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.display !== 'none' && style.visibility !== 'hidden' && el.getAttribute('type') !== 'hidden'
        && box.width > 1 && (box.right > width + 0.5 || box.left < -0.5) && !inScroller(el);
    }).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, outside };
  });
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());

  t.test('first run', async (t) => {
    const { base } = await serve(t);
    const { page } = await context(t, browser, base);

    t.test('a fresh database opens on the setup page', async (t) => {
      const res = await page.goto('/');
      t.equal(res?.status(), 200);
      t.equal(pathOf(page), '/setup');
      t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Set up Taller');
    });

    t.test('the filled setup form signs the new admin in on the event list, with no events', async (t) => {
      await fillSetup(page);
      const res = await arrives(page, () => page.getByRole('button', { name: 'Make the admin account' }).click());
      t.equal(res.status(), 200);
      t.equal(pathOf(page), '/');
      t.ok(await page.locator('nav.account').getByRole('link', { name: ADMIN.name }).isVisible(), 'the header names the person');
      t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Workshops');
      t.match(await page.locator('main').textContent(), 'No workshops yet', 'the list says there are no workshops');
      t.equal(await page.locator('table.events').count(), 0, 'and lists none');
    });

    t.test('signing out shows the sign-in page', async (t) => {
      await arrives(page, () => page.getByRole('button', { name: 'Sign out' }).click());
      t.equal(pathOf(page), '/sign-in');
      t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in');
      t.equal(await page.locator('nav.account').count(), 0, 'the header names nobody');
    });

    t.test('signing in again with the same password opens the event list', async (t) => {
      const res = await signIn(page, ADMIN.email, PASSWORD);
      t.equal(res.status(), 200);
      t.equal(pathOf(page), '/');
      t.ok(await page.locator('nav.account').getByRole('link', { name: ADMIN.name }).isVisible(), 'the header names the person');
    });
  });

  t.test('keyboard only', async (t) => {
    const { base } = await serve(t);
    const { page } = await context(t, browser, base);
    const header = ['a.skip "Skip to content"', 'a.brand "Taller"', 'a "English"', 'a "Español"'];

    let setupStops: Awaited<ReturnType<typeof tabThrough>> = [];

    t.test('Tab walks the setup page: the skip link, the header, then each field in order, then the button', async (t) => {
      await page.goto('/setup');
      setupStops = await tabThrough(page, 10);
      t.same(setupStops.map((s) => s.name),
        [...header, 'input#name', 'input#email', 'input#organization', 'input#password', 'input#confirm', 'button "Make the admin account"']);
      t.equal((await tabThrough(page, 1, 'Shift+Tab'))[0]?.name, 'input#confirm', 'Shift+Tab goes back to the last field');
    });

    t.test('every control Tab reaches on the setup page shows its focus', async (t) => {
      t.same(setupStops.filter((s) => !s.drawn).map((s) => `${s.name}: ${s.style}`), []);
    });

    t.test('the skip link takes the focus to the page, and the setup form is filled and sent from the keyboard', async (t) => {
      await page.goto('/setup');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      t.equal((await focusOf(page)).name, 'main#main', 'the skip link moves the focus to the content');
      for (const value of [ADMIN.name, ADMIN.email, ADMIN.organization, PASSWORD, PASSWORD]) {
        await page.keyboard.press('Tab');
        await page.keyboard.type(value);
      }
      const res = await arrives(page, () => page.keyboard.press('Enter'));
      t.equal(res.status(), 200);
      t.equal(pathOf(page), '/');
      t.ok(await page.locator('nav.account').getByRole('link', { name: ADMIN.name }).isVisible(), 'signed in: the header names the person');
    });

    t.test('Sign out is reached with Tab and pressed with Enter', async (t) => {
      t.ok(await tabTo(page, 'button "Sign out"'), 'Tab reaches Sign out');
      t.ok((await focusOf(page)).drawn, 'its focus shows');
      await arrives(page, () => page.keyboard.press('Enter'));
      t.equal(pathOf(page), '/sign-in');
    });

    let signInStops: Awaited<ReturnType<typeof tabThrough>> = [];

    t.test('Tab walks the sign-in page: the skip link, the header, the address, the password, the button', async (t) => {
      signInStops = await tabThrough(page, 7);
      t.same(signInStops.map((s) => s.name),
        [...header, 'input#email', 'input#password', 'button "Sign in"']);
    });

    t.test('every control Tab reaches on the sign-in page shows its focus', async (t) => {
      t.same(signInStops.filter((s) => !s.drawn).map((s) => `${s.name}: ${s.style}`), []);
    });

    t.test('a wrong password is announced in an alert before the form, and the form is used again from the keyboard', async (t) => {
      await page.goto('/sign-in');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type(ADMIN.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type('not the password at all');
      const refused = await arrives(page, () => page.keyboard.press('Enter'));
      t.equal(refused.status(), 401);
      const alert = page.getByRole('alert');
      t.match(await alert.textContent(), 'That e-mail address and password do not match', 'the problem is in a role="alert" region');
      // Node.DOCUMENT_POSITION_FOLLOWING (4): the address field comes after the alert.
      t.ok(await page.evaluate(() => (document.querySelector('[role=alert]')!.compareDocumentPosition(document.getElementById('email')!) & 4) !== 0),
        'the alert is read before the form');

      await page.keyboard.press('Tab');
      t.equal((await focusOf(page)).name, 'a.skip "Skip to content"', 'Tab starts again at the skip link');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const field = await focusOf(page);
      t.equal(field.name, 'input#email', 'after the skip link, the address field');
      t.equal(await page.locator('#email').inputValue(), ADMIN.email, 'keeping the address typed');
      t.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true', 'marked as not matching');
      await page.keyboard.press('Tab');
      t.equal((await focusOf(page)).name, 'input#password');
      await page.keyboard.type(PASSWORD);
      const res = await arrives(page, () => page.keyboard.press('Enter'));
      t.equal(res.status(), 200);
      t.equal(pathOf(page), '/', 'the right password signs in');
    });
  });

  t.test('Spanish', async (t) => {
    const { base } = await serveWithAdmin(t);
    const { page } = await context(t, browser, base, { ...DESKTOP, locale: 'es-MX' });

    t.test('a browser set to Spanish of Mexico gets the sign-in page in Spanish', async (t) => {
      const res = await page.goto('/sign-in');
      t.match(await res?.request().headerValue('accept-language'), /^es-MX/, 'the browser asks for es-MX');
      t.equal(await page.locator('html').getAttribute('lang'), 'es');
      t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Iniciar sesión');
      t.equal(await page.locator('a.skip').textContent(), 'Ir al contenido');
      t.equal(await page.locator('.tagline').textContent(), 'planes para talleres de ayuda legal de inmigración');
      t.equal(await page.getByRole('navigation', { name: 'Idioma' }).locator('[aria-current]').textContent(), 'Español',
        'the switch marks Spanish as the language shown');
    });

    t.test('signed in, the header offers its links in Spanish', async (t) => {
      await signIn(page, ADMIN.email, PASSWORD, SIGN_IN.es);
      t.equal(pathOf(page), '/');
      t.equal(await page.locator('html').getAttribute('lang'), 'es');
      t.same(await accountLinks(page), ['Eventos', 'Personas', 'Organizaciones', 'Registro de auditoría', ADMIN.name, 'Cerrar sesión']);
    });

    t.test('choosing English shows the same page in English, and the next pages stay English', async (t) => {
      await arrives(page, () => page.getByRole('link', { name: 'English' }).click());
      t.equal(pathOf(page), '/', 'back on the same page');
      t.equal(await page.locator('html').getAttribute('lang'), 'en');
      t.same(await accountLinks(page), ['Events', 'People', 'Organizations', 'Audit log', ADMIN.name, 'Sign out']);
      for (const path of ['/account', '/admin/users', '/admin/organizations', '/admin/audit']) {
        await page.goto(path);
        t.equal(await page.locator('html').getAttribute('lang'), 'en', `${path} is in English`);
        t.equal(await page.locator('a.skip').textContent(), 'Skip to content', `${path}: its header too`);
      }
      await arrives(page, () => page.getByRole('button', { name: 'Sign out' }).click());
      t.equal(await page.locator('html').getAttribute('lang'), 'en', 'and the sign-in page after signing out');
    });
  });

  for (const [size, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    const wide = options.viewport!.width;
    t.test(`every account page at ${wide} px (${size})`, async (t) => {
      const { base } = await serve(t);
      const { page } = await context(t, browser, base, options);
      mkdirSync(ARTIFACTS, { recursive: true });

      /** One page: it does not scroll sideways, its fields fit, and it is saved as a screenshot. */
      const fits = (name: string, what: string) => t.test(`${what} fits ${wide} px: no sideways scrolling, every field inside`, async (t) => {
        await page.screenshot({ path: `${ARTIFACTS}${name}-${size}.png`, fullPage: true });
        const width = await widthOf(page);
        t.ok(width.scrollWidth <= width.clientWidth, `the page is no wider than the window (${width.scrollWidth} ≤ ${width.clientWidth} px)`);
        t.same(width.outside, [], 'no field or button reaches past the edge');
      });

      await page.goto('/setup');
      await fits('setup', 'the setup page');

      await fillSetup(page);
      await arrives(page, () => page.getByRole('button', { name: 'Make the admin account' }).click());
      await fits('home', 'the event list with the account header');

      await arrives(page, () => page.getByRole('button', { name: 'Sign out' }).click());
      await page.getByLabel('E-mail address').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill('not the password at all');
      await arrives(page, () => page.getByRole('button', { name: 'Sign in' }).click());
      await fits('sign-in-error', 'the sign-in page with its problem');

      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await arrives(page, () => page.getByRole('button', { name: 'Sign in' }).click());
      await page.goto('/account');
      await page.getByLabel('Name of a new token').fill('Nightly export to the county sheet');
      await arrives(page, () => page.getByRole('button', { name: 'Make the token' }).click());
      await fits('account-token', 'the account page showing a new token');

      await page.goto('/admin/users');
      await fits('people', 'the People page');

      await page.goto('/admin/audit');
      await fits('audit', 'the audit log');
    });
  }

  t.test('an admin adds a coordinator', async (t) => {
    const { base } = await serveWithAdmin(t);
    const admin = (await context(t, browser, base)).page;
    const coordinator = (await context(t, browser, base)).page;
    const carla = { name: 'Carla Coordinator', email: 'carla@example.org', password: 'another long pass phrase' };

    t.test('the People page\'s form adds a coordinator of an organization', async (t) => {
      await signIn(admin, ADMIN.email, PASSWORD);
      await admin.goto('/admin/users');
      await admin.getByLabel('Name', { exact: true }).fill(carla.name);
      await admin.getByLabel('E-mail address').fill(carla.email);
      await admin.getByLabel('Role', { exact: true }).selectOption('coordinator');
      await admin.getByLabel('Organization', { exact: true }).fill('Casa Legal');
      await admin.getByLabel(/^A first password/).fill(carla.password);
      const res = await arrives(admin, () => admin.getByRole('button', { name: 'Add the account' }).click());
      t.equal(res.status(), 201);
      t.match(await admin.getByRole('status').textContent(), `${carla.name} can sign in now`);
      const row = admin.locator('table.people tr', { has: admin.getByRole('rowheader', { name: carla.name }) });
      t.same((await row.locator('td').allTextContents()).slice(0, 2).map((s) => s.trim()), [carla.email, 'Casa Legal']);
      t.equal(await row.getByRole('combobox').inputValue(), 'coordinator');
    });

    t.test('the coordinator signs in elsewhere and the header offers no People or Audit log', async (t) => {
      const res = await signIn(coordinator, carla.email, carla.password);
      t.equal(res.status(), 200);
      t.equal(pathOf(coordinator), '/');
      t.same(await accountLinks(coordinator), ['Events', carla.name, 'Sign out']);
    });

    t.test('the coordinator opening the People page is refused with 403', async (t) => {
      const res = await coordinator.goto('/admin/users');
      t.equal(res?.status(), 403);
      t.equal(await coordinator.getByRole('heading', { level: 1 }).textContent(), 'Not allowed');
      t.equal(await coordinator.locator('table.people').count(), 0, 'no list of people');
    });
  });
}
