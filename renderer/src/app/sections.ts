/** The workbench's places: the project list, the four instruments (DESIGN.md, "Four instruments"), measurement and presenting. */
export const SECTIONS = [
  {
    id: 'projects',
    label: 'Projects',
    summary: 'Create, open and manage projects.',
  },
  {
    id: 'dynamics',
    label: 'Dynamics',
    summary:
      'Stock-and-flow models of how empathy feeds back on employee retention, customer retention, innovation and revenue: live what-if sliders, scenarios side by side, sensitivity and loop dominance.',
  },
  {
    id: 'network',
    label: 'Network',
    summary:
      'Who gives empathy and support to whom inside the organization: brokers, isolated people, one-way ties, communities, and how they changed after a programme.',
  },
  {
    id: 'conjoint',
    label: 'Conjoint',
    summary:
      'What customers value in empathetic service and what they would pay for it: study design, estimation, importances, willingness to pay and a market simulator.',
  },
  {
    id: 'sroi',
    label: 'SROI',
    summary:
      'The social return of an empathy initiative by the Social Value UK method: impact map, deadweight, attribution, drop-off, discounting, ratio and sensitivity.',
  },
  {
    id: 'measure',
    label: 'Measure',
    summary:
      'Survey answers scored with validated empathy scales, KPIs tracked over time, and before/after or A/B comparisons of teams and scripts.',
  },
  {
    id: 'present',
    label: 'Present',
    summary:
      'Stories built from the live views (a chart with its sliders, the SROI headline, notes), presented full screen and handed out as a PDF.',
  },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const isSectionId = (value: string): value is SectionId =>
  SECTIONS.some((section) => section.id === value);
