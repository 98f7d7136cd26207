/** The product's name: not translated (docs/i18n.md), so it lives here rather than in a catalog. */
export const PRODUCT_NAME = 'Hearth';
