import { useCallback, useEffect, useState } from 'react';
import { isSectionId, type SectionId } from './sections';

/**
 * Hash routes (`#/dynamics`): they work unchanged under Electron's app:// origin and the web host, need no
 * server rewrite rules, and survive a reload.
 */
function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return isSectionId(id) ? id : 'projects';
}

export function useHashRoute(): [SectionId, (section: SectionId) => void] {
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const navigate = useCallback((next: SectionId) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [section, navigate];
}
