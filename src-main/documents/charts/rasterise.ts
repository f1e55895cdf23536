/**
 * Charts as PNG for Word, drawn by resvg (WebAssembly: no native build) from the chart's own
 * SVG with the fonts the PDF embeds, so the DOCX shows the picture the PDF and the Figures page
 * show. The WebAssembly is found through the package's own export and compiled once per process,
 * on the first chart: in the Electron main bundle and the CLI the package stays in node_modules
 * (electron-vite keeps dependencies external), so the same path works in both.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontSet } from '../fonts';
import type { ChartBlock, ImageData } from '../model';

type Resvg = typeof import('@resvg/resvg-wasm');
let loading: Promise<Resvg> | undefined;

function resvg(): Promise<Resvg> {
  loading ??= (async () => {
    const mod = await import('@resvg/resvg-wasm');
    const wasm = await readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
    await mod.initWasm(wasm);
    return mod;
  })();
  // A failed load is tried again on the next chart rather than remembered.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Two pixels a point (144 dpi, 1.5 times a 96 dpi screen), sharp when zoomed or printed, at a quarter of the cost of print resolution. */
export const RASTER_ZOOM = 2;

/** Anything beyond Latin, Greek, Cyrillic and punctuation: the other bundled faces are loaded only for charts that need them. */
const BEYOND_FIRST_FACE = /[^\u0020-\u052f\u1e00-\u1fff\u2000-\u2bff]/u;

/** The rasteriser for renderDocx's `rasteriseChart`: the chart's SVG as a PNG, white behind it. */
export function chartRasteriser(fonts: FontSet): (chart: ChartBlock) => Promise<ImageData> {
  const first = fonts.faces[0];
  const basic = first ? [first.regular, ...(first.bold ? [first.bold] : [])] : [];
  const every = fonts.faces.flatMap((f) => [f.regular, ...(f.bold ? [f.bold] : [])]);
  return async (chart) => {
    const { Resvg } = await resvg();
    const r = new Resvg(chart.svg, {
      font: { fontBuffers: BEYOND_FIRST_FACE.test(chart.svg) ? every : basic, defaultFontFamily: first?.name ?? 'DejaVu Sans', sansSerifFamily: first?.name ?? 'DejaVu Sans' },
      fitTo: { mode: 'zoom', value: RASTER_ZOOM },
      background: '#ffffff',
      shapeRendering: 2,
      textRendering: 1,
    });
    try {
      const image = r.render();
      try {
        return { data: image.asPng(), format: 'png' };
      } finally {
        image.free();
      }
    } finally {
      r.free();
    }
  };
}
