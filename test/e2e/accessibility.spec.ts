import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openSampleProject, openSection, shown, test } from './present-helpers';

/**
 * An automated accessibility scan (axe-core, run inside the page: nothing leaves the machine) of every view of the
 * sample project, in light and dark: WCAG 2.0 and 2.1, levels A and AA. Each view is one test per theme; a
 * failure lists every rule broken at every stop of the view, with its impact and a few of the elements.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SAMPLE_ANALYSIS = 'Empathy training for customer-service staff';
const SAMPLE_STORY = 'Workshop: what empathy does to the business';
const SCHEMES = ['light', 'dark'] as const;

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One element of a violation: its selector, and for a contrast failure its colours and ratio. */
function describeNode(node: Violation['nodes'][number]): string {
  const target = node.target.join(' ');
  const contrast = node.any.find((check) => check.id === 'color-contrast')?.data as
    { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  return contrast?.contrastRatio === undefined
    ? target
    : `${target} (${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio})`;
}

/** The violations axe finds on the page as it is now, one line per rule. */
async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => {
    const targets = violation.nodes.slice(0, 4).map(describeNode);
    const more = violation.nodes.length > 4 ? ` and ${violation.nodes.length - 4} more` : '';
    return `${where}: ${violation.id} (${violation.impact ?? 'unknown'}, ${violation.nodes.length}×) ${violation.help} — ${targets.join(' | ')}${more}`;
  });
}

/** Scans the page as it is now, naming the stop in the view it shows. */
type Scan = (stop: string) => Promise<void>;

/** A view of the sample project, walked from the project's first page through each state worth scanning. */
interface View {
  name: string;
  walk: (page: Page, scan: Scan) => Promise<void>;
}

/** Shows each tab in turn (the WAI-ARIA tabs of a view) and scans it. */
async function scanTabs(page: Page, scan: Scan, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const tab = page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await scan(name);
  }
}

const VIEWS: View[] = [
  {
    name: 'Projects',
    walk: async (page, scan) => {
      await openSection(page, 'Projects');
      await scan('list');
      // Each dialog opens from a button of the same name.
      for (const name of ['New project', 'Keyboard shortcuts']) {
        await page.getByRole('button', { name, exact: true }).click();
        await expect(page.getByRole('dialog', { name })).toBeVisible();
        await scan(`the ${name} dialog`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name })).toBeHidden();
      }
    },
  },
  {
    name: 'Dynamics',
    walk: async (page, scan) => {
      await expect(page.getByRole('heading', { name: 'Empathy reference model', level: 2 })).toBeVisible();
      await scan('the sample model');
      // A stock chosen in the diagram: the inspector shows its initial value, units and documentation.
      const diagram = page.getByRole('group', { name: 'Stock-and-flow diagram' });
      await diagram
        .getByRole('button', { name: /^Stock / })
        .first()
        .click();
      await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Initial value')).toBeVisible();
      await scan('a stock in the inspector');
      await scanTabs(page, scan, ['Sensitivity', 'Loops', 'Calibration']);
    },
  },
  {
    name: 'Network',
    walk: async (page, scan) => {
      await openSection(page, 'Network');
      await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-visible-nodes', /\d+/);
      // The graph is scanned with a person found by search and their panel open.
      await page.getByPlaceholder(/Find a person/).fill('Maya Okafor');
      await page.getByPlaceholder(/Find a person/).press('Enter');
      await expect(page.locator('.person-panel').getByRole('heading', { name: 'Maya Okafor' })).toBeVisible();
      await scanTabs(page, scan, ['Graph', 'Compare waves', 'Use in a model', 'People data']);
    },
  },
  {
    name: 'Conjoint',
    walk: async (page, scan) => {
      await openSection(page, 'Conjoint');
      await expect(page.getByRole('heading', { name: 'Empathetic service', level: 2 })).toBeVisible();
      const steps = ['1. Study', '2. Design', '3. Responses', '4. Estimation', '5. Simulator'];
      await scanTabs(page, scan, [...steps, 'Regression']);
    },
  },
  {
    name: 'SROI',
    walk: async (page, scan) => {
      await openSection(page, 'SROI');
      await scan('list');
      await page.getByRole('button', { name: `Open ${SAMPLE_ANALYSIS}` }).click();
      await expect(page.getByRole('heading', { name: SAMPLE_ANALYSIS, level: 2 })).toBeVisible();
      await expect(page.getByRole('status', { name: 'Headline ratio' })).toContainText('2 of 2 linked');
      await scan('the sample analysis');
      await scanTabs(page, scan, ['Results', 'Sensitivity', 'Dynamics link', 'Report']);
    },
  },
  {
    name: 'Measure',
    walk: async (page, scan) => {
      await openSection(page, 'Measure');
      await scanTabs(page, scan, ['Data sets', 'Scales', 'KPIs', 'Compare', 'Difference in differences']);
    },
  },
  {
    name: 'Present',
    walk: async (page, scan) => {
      await openSection(page, 'Present');
      const story = page.getByRole('button', { name: SAMPLE_STORY });
      await story.click();
      await expect(story).toHaveAttribute('aria-current', 'true');
      await scan('the story list');
      // Every page of the story, as the audience sees it.
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      const counter = page.getByTestId('page-counter');
      await expect(counter).toHaveText(/^1 \/ \d+$/);
      const pages = Number((await counter.textContent())?.split('/')[1]);
      for (let shownPage = 1; shownPage <= pages; shownPage++) {
        if (shownPage > 1) await page.keyboard.press('ArrowRight');
        await expect(counter).toHaveText(`${shownPage} / ${pages}`);
        await expect(shown(page)).toBeVisible();
        await scan(`presenting page ${shownPage}`);
      }
    },
  },
];

for (const view of VIEWS) {
  for (const colorScheme of SCHEMES) {
    test(`${view.name} in ${colorScheme}: no WCAG 2.1 A/AA violations`, async ({ page, sampleHost }) => {
      test.slow();
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.emulateMedia({ colorScheme });
      await openSampleProject(page, sampleHost);
      const found: string[] = [];
      await view.walk(page, async (stop) => {
        found.push(...(await violations(page, `${view.name} › ${stop}`)));
        const file = `${view.name}-${stop}-${colorScheme}.png`.replace(/[^\w.-]+/g, '-');
        await page.screenshot({ path: test.info().outputPath(file), fullPage: true });
      });
      expect(found, `Accessibility violations in ${colorScheme}:\n${found.join('\n')}`).toEqual([]);
    });
  }
}
