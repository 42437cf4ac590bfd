/**
 * When the Network view draws a large network with WebGL (renderer/src/network/graph/webgl.ts): only on a GPU,
 * since SwiftShader and llvmpipe draw it on the CPU, slower than the canvas renderer.
 */
import { describe, expect, it } from 'vitest';
import { isHardwareRenderer } from '../../../renderer/src/network/graph/webgl';

describe('the WebGL renderer choice for large networks', () => {
  it('takes a GPU for hardware', () => {
    expect(
      isHardwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'),
    ).toBe(true);
    expect(isHardwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(
      true,
    );
    expect(isHardwareRenderer('Apple M1')).toBe(true);
  });

  it('keeps the canvas for software rasterizers and unnamed renderers', () => {
    expect(
      isHardwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(false);
    expect(isHardwareRenderer('llvmpipe (LLVM 15.0.7, 256 bits)')).toBe(false);
    expect(isHardwareRenderer('Microsoft Basic Render Driver')).toBe(false);
    expect(isHardwareRenderer('')).toBe(false);
  });
});
