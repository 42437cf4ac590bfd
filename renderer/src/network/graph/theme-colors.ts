/**
 * The page's theme colours for what CSS cannot style: cytoscape draws on a canvas from its own stylesheet, and
 * the SVG and PNG exports need plain colour values. Read from the CSS variables of styles.css, again whenever
 * the system switches between light and dark.
 */
import { useEffect, useState } from 'react';

export interface ThemeColors {
  readonly background: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly focus: string;
  readonly dark: boolean;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function readThemeColors(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--bg', '#f6f7f9'),
    surface: read('--surface', '#ffffff'),
    text: read('--text', '#1c2330'),
    muted: read('--muted', '#5b6578'),
    border: read('--border', '#d7dce4'),
    accent: read('--accent', '#2a64cc'),
    focus: read('--focus', '#f5a524'),
    dark: window.matchMedia(DARK_QUERY).matches,
  };
}

export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(readThemeColors);
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const changed = () => setColors(readThemeColors());
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return colors;
}
