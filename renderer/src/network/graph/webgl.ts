/**
 * Whether cytoscape's WebGL renderer should draw a large network. It needs a WebGL2 context (without one,
 * cytoscape throws while building the graph), and it only pays off with a hardware GPU: SwiftShader and
 * llvmpipe draw WebGL on the CPU, where the canvas renderer's cached textures are quicker.
 */

export interface WebglSupport {
  /** A WebGL2 context could be made. */
  readonly webgl2: boolean;
  /** The GL renderer's name (WEBGL_debug_renderer_info), or '' when the browser does not say. */
  readonly renderer: string;
  /** WebGL2 is there and drawn by a GPU, not a software rasterizer. */
  readonly hardware: boolean;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/** Reads a renderer name (as WEBGL_debug_renderer_info gives it) as hardware or software. */
export function isHardwareRenderer(renderer: string): boolean {
  return renderer !== '' && !SOFTWARE.test(renderer);
}

let probed: WebglSupport | undefined;

/** Probed once per page: a throwaway canvas, its context released at once. */
export function webglSupport(): WebglSupport {
  if (probed !== undefined) return probed;
  let support: WebglSupport = { webgl2: false, renderer: '', hardware: false };
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl !== null) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = info === null ? '' : String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? '');
      support = { webgl2: true, renderer, hardware: isHardwareRenderer(renderer) };
      // Browsers cap live contexts (16 in Chromium); this one has answered and is not kept.
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // A browser that refuses WebGL keeps the canvas renderer.
  }
  probed = support;
  return support;
}
