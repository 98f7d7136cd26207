/**
 * Site chrome: the parts of a web page that are the same on every page of a site (menus, "next /
 * previous" bars, sidebars with the table of contents, search boxes, footers). Indexed, they match
 * every question about navigation words ("next", "index", "contents", the site's name) and crowd
 * real passages out of the top five; they are never the answer.
 */

/** Elements that are chrome by definition. `header` is not one: an article's header holds its title. */
const CHROME_ELEMENTS = new Set(['nav', 'footer']);

/** ARIA landmarks of chrome: site header, navigation, search and footer. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search']);

/**
 * Class or id words generators use for chrome: Sphinx (`related`, `sphinxsidebar`, `footer`),
 * DocBook's HTML (`navheader`, `navfooter`), and common site themes. Whole words only: a class
 * "footnote" or "menu-item-description" inside an article is content and stays.
 */
const CHROME_NAMES = new Set([
  'related',
  'sphinxsidebar',
  'navheader',
  'navfooter',
  'navbar',
  'navigation',
  'nav',
  'breadcrumb',
  'breadcrumbs',
  'sidebar',
  'footer',
  'site-header',
  'site-footer',
  'skip-link',
  'searchbox',
]);

/** Whether an element (lower-case name and attributes) is site chrome whose whole content is skipped. */
export function isPageChrome(name: string, attributes: Readonly<Record<string, string>>): boolean {
  if (CHROME_ELEMENTS.has(name)) return true;
  const role = attributes['role']?.trim().toLowerCase();
  if (role && CHROME_ROLES.has(role)) return true;
  const names = `${attributes['class'] ?? ''} ${attributes['id'] ?? ''}`.toLowerCase().split(/\s+/);
  return names.some((word) => CHROME_NAMES.has(word));
}
