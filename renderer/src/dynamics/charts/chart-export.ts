/**
 * Charts out of the app: SVG with the page's computed styles written onto each element, so the file looks the
 * same in a browser, Inkscape or a slide deck without our stylesheet; PNG by drawing that SVG into a canvas at
 * twice the size (crisp on a projector).
 *
 * Styles are written as SVG presentation attributes, not `style="..."`: the renderer's Content Security Policy
 * (`style-src 'self'`, electron/csp.ts) refuses inline style attributes, and every property a chart uses has a
 * presentation attribute (SVG 1.1, section 6.4). The PNG goes through a `blob:` URL, which the policy's
 * `img-src 'self' data: blob:` allows.
 */

/** The properties a chart's look depends on; all are SVG presentation attributes. */
export const EXPORTED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
  'visibility',
] as const;

/**
 * The presentation attributes for one element from its computed style, leaving out what the SVG initial values
 * already say, so the file stays small and readable.
 */
export function presentationAttributes(read: (property: string) => string): [string, string][] {
  const initial: Readonly<Record<string, string>> = {
    'fill-opacity': '1',
    'stroke-opacity': '1',
    opacity: '1',
    'stroke-dasharray': 'none',
    'stroke-linecap': 'butt',
    'stroke-linejoin': 'miter',
    visibility: 'visible',
    'shape-rendering': 'auto',
    'dominant-baseline': 'auto',
    'text-anchor': 'start',
    'font-weight': '400',
  };
  const attributes: [string, string][] = [];
  for (const property of EXPORTED_PROPERTIES) {
    const value = read(property).trim();
    if (value === '' || initial[property] === value) continue;
    attributes.push([property, value]);
  }
  return attributes;
}

export interface ChartMetadata {
  readonly title: string;
  readonly description: string;
  readonly background: string;
}

/** A standalone SVG document of a drawn chart. Elements marked `data-export="skip"` (hover layers) are left out. */
export function serializeChart(svg: SVGSVGElement, metadata: ChartMetadata): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (copy === undefined) return;
    const computed = getComputedStyle(original);
    for (const [name, value] of presentationAttributes((property) => computed.getPropertyValue(property)))
      copy.setAttribute(name, value);
    copy.removeAttribute('class');
  });
  for (const skipped of Array.from(clone.querySelectorAll('[data-export="skip"]'))) skipped.remove();

  const { width, height } = svg.getBoundingClientRect();
  const namespace = 'http://www.w3.org/2000/svg';
  clone.setAttribute('xmlns', namespace);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  const title = document.createElementNS(namespace, 'title');
  title.textContent = metadata.title;
  const description = document.createElementNS(namespace, 'desc');
  description.textContent = metadata.description;
  const background = document.createElementNS(namespace, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', metadata.background);
  clone.prepend(title, description, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** Rasterises an SVG document at `scale` times its size. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This browser cannot draw into a canvas.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob === null ? reject(new Error('The chart could not be turned into a PNG.')) : resolve(blob),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
