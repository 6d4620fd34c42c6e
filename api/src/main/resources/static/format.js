// Number and time formatting, and a tiny DOM builder that only ever sets text (never HTML), so
// strings from the API cannot inject markup.

const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PRICE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const PERCENT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const SCORE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const RATIO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const DASH = '–';

/** Money: thousands separators, two decimals ("1,234,567.89"). */
export const money = (v) => (isNum(v) ? MONEY.format(v) : DASH);
/** A price per unit, formatted like money. */
export const price = (v) => (isNum(v) ? PRICE.format(v) : DASH);
export const quantity = (v) => (isNum(v) ? QUANTITY.format(v) : DASH);
/** A fraction as a percentage with one decimal (0.1234 -> "12.3%"). */
export const percent = (fraction) => (isNum(fraction) ? `${PERCENT.format(fraction * 100)}%` : DASH);
export const score = (v) => (isNum(v) ? SCORE.format(v) : DASH);
/** A multiple such as leverage ("2.35×"). */
export const ratio = (v) => (isNum(v) ? `${RATIO.format(v)}×` : DASH);

/** Wall-clock time with milliseconds, so that two updates within one second still read differently. */
export function clockTime(epochMs) {
  const d = new Date(epochMs);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** Elapsed time in the largest sensible unit ("45s", "12m", "3h 05m", "2d 4h"). */
export function age(ms) {
  if (!isNum(ms) || ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/**
 * Creates an element. attrs: class, text (textContent), dataset entries as data-*, aria-* and any
 * other attribute by name; properties starting with "on" are event listeners. Children are nodes or
 * strings (added as text nodes).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Sets an element's text only when it differs, which saves layout work on frequent updates. */
export function setText(node, text) {
  if (node && node.textContent !== text) node.textContent = text;
}

/**
 * Makes the children of container match items, in order, reusing the child whose data-key equals
 * an item's key: create(item) builds a new child, update(child, item) refreshes one. Children with
 * no matching item are removed. Nodes are only moved when they are out of place.
 */
export function syncKeyed(container, items, keyOf, create, update) {
  const existing = new Map();
  for (const child of container.children) existing.set(child.dataset.key, child);
  let cursor = container.firstElementChild;
  for (const item of items) {
    const key = String(keyOf(item));
    let node = existing.get(key);
    if (node) {
      existing.delete(key);
    } else {
      node = create(item);
      node.dataset.key = key;
    }
    update(node, item);
    if (node !== cursor) container.insertBefore(node, cursor);
    else cursor = cursor.nextElementSibling;
  }
  for (const stale of existing.values()) stale.remove();
}
